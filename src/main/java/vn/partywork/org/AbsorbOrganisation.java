package vn.partywork.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/** Sáp nhập: the organisation is closed and its children move under the existing {@code targetId} (P-ORG-2). */
public record AbsorbOrganisation(
        long orgId,
        long targetId,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {}
