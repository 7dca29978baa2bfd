package vn.partywork.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/** Chuyển giao: the organisation and its whole subtree move under {@code newParentId} (P-ORG-2). */
public record TransferOrganisation(
        long orgId,
        long newParentId,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {}
