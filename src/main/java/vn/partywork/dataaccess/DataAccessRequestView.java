package vn.partywork.dataaccess;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * A data access request with its approval: the form as submitted, what was approved (null until
 * then), the grant it created, and what the caller may do.
 */
public record DataAccessRequestView(
        long id,
        long approvalRequestId,
        int approvalVersion,
        ApprovalStatus status,
        String requesterIdentifier,
        String requesterName,
        String position,
        String unit,
        String phone,
        LocalDate requestedOn,
        Database database,
        String purpose,
        long scopeOrgId,
        @Nullable String scopeOrgName,
        String scopeDescription,
        Classification ceiling,
        DataAccessForm form,
        LocalDate periodFrom,
        LocalDate periodTo,
        Instant commitmentAccepted,
        @Nullable Long approvedOrgId,
        @Nullable String approvedOrgName,
        @Nullable Classification approvedCeiling,
        @Nullable LocalDate approvedFrom,
        @Nullable LocalDate approvedTo,
        @Nullable String approverOpinion,
        @Nullable Long grantId,
        boolean canDecide) {}
