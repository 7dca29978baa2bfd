package vn.partywork.access.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.partywork.access.GrantStatus;
import vn.partywork.access.Role;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/** One row of {@code access.account_grant}. */
public record GrantRecord(
        long id,
        long accountId,
        Role role,
        long orgId,
        Set<Database> databases,
        Classification ceiling,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String documentNumber,
        @Nullable String note,
        @Nullable Long grantedBy,
        Instant grantedAt,
        @Nullable Long revokedBy,
        @Nullable Instant revokedAt,
        int version,
        boolean aggregateOnly,
        @Nullable String reviewReason,
        @Nullable Instant reviewSince) {

    /** P-AZ-1: a grant applies from {@code validFrom} through {@code validTo} (inclusive) unless revoked. */
    public GrantStatus statusOn(LocalDate day) {
        if (revokedAt != null) {
            return GrantStatus.REVOKED;
        }
        if (day.isBefore(validFrom)) {
            return GrantStatus.PENDING;
        }
        return validTo != null && day.isAfter(validTo) ? GrantStatus.EXPIRED : GrantStatus.ACTIVE;
    }
}
