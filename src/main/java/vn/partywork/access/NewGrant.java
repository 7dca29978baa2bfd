package vn.partywork.access;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * Command to grant an account a role on an organisation subtree (P-AZ-1).
 *
 * @param orgId the root of the subtree, by id (its path may change when the subtree is transferred)
 * @param validTo last day the grant applies (inclusive); none means until revoked
 * @param documentNumber the decision or document the grant rests on
 * @param aggregateOnly P-AZ-3: statistics of the subtree only, never a detail record (role VIEWER)
 */
public record NewGrant(
        long accountId,
        @Nullable Role role,
        long orgId,
        Set<Database> databases,
        @Nullable Classification ceiling,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String documentNumber,
        @Nullable String note,
        boolean aggregateOnly) {

    /** A grant with detail access (not aggregate-only). */
    public NewGrant(
            long accountId,
            @Nullable Role role,
            long orgId,
            Set<Database> databases,
            @Nullable Classification ceiling,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String documentNumber,
            @Nullable String note) {
        this(accountId, role, orgId, databases, ceiling, validFrom, validTo, documentNumber, note, false);
    }
}
