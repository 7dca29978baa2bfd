package vn.partywork.approval;

import org.jspecify.annotations.Nullable;

/**
 * Someone acted on the current step of a request: approved it (the request moves on, or is
 * {@link ApprovalStatus#COMPLETED} after the last step), returned it for revision or rejected it.
 * Carries what the submitter is told, and the request's version after the action (one event per
 * version, so a listener can recognise a redelivery). Published inside the acting transaction.
 */
public record ApprovalStepDecided(
        long requestId,
        int version,
        String chainName,
        String title,
        long submitterAccountId,
        int position,
        StepDecision decision,
        ApprovalStatus outcome,
        @Nullable String actingOrgName,
        String actor,
        @Nullable String comment) {}
