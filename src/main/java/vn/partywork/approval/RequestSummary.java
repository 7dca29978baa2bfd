package vn.partywork.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request as lists show it; the current step fields are null unless it is in progress. */
public record RequestSummary(
        long id,
        String chainCode,
        String chainName,
        String title,
        String subjectType,
        String subjectId,
        long subjectOrgId,
        @Nullable String subjectOrgName,
        ApprovalStatus status,
        @Nullable Integer currentPosition,
        @Nullable ActionKind currentAction,
        @Nullable Long actingOrgId,
        @Nullable String actingOrgName,
        @Nullable Due due,
        String submittedBy,
        Instant submittedAt,
        int version) {}
