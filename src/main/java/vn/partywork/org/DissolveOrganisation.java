package vn.partywork.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/** Giải thể: the organisation ceases to exist; refused while it has children or attached records (P-ORG-2). */
public record DissolveOrganisation(
        long orgId,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {}
