package vn.partywork.dataaccess;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * The PL2 form as the requester fills it; the requester's name, account and the date come from the
 * signed-in account and the clock. Everything is nullable so that an incomplete form is refused with
 * a clear code rather than a binding error.
 *
 * @param scopeOrgId the root of the organisation subtree whose data is asked for
 * @param ceiling the highest classification asked for (Thường when omitted)
 * @param commitment the requester accepts the PL2 commitment ({@link DataAccessRequests#COMMITMENT})
 */
public record NewDataAccessRequest(
        @Nullable String position,
        @Nullable String unit,
        @Nullable String phone,
        @Nullable Database database,
        @Nullable String purpose,
        @Nullable Long scopeOrgId,
        @Nullable String scopeDescription,
        @Nullable Classification ceiling,
        @Nullable DataAccessForm form,
        @Nullable LocalDate periodFrom,
        @Nullable LocalDate periodTo,
        @Nullable Boolean commitment) {}
