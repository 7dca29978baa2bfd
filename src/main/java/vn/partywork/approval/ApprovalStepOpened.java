package vn.partywork.approval;

import java.time.LocalDate;

/**
 * A step of a request became current (on submission, after the previous step was approved, or on
 * resubmission): the acting organisation has until {@code dueOn} to act. Published inside the
 * transaction that opened it; {@link ApprovalAlerts#accountsToAct(long)} names who may act.
 */
public record ApprovalStepOpened(
        long stepId,
        long requestId,
        String chainName,
        String title,
        int position,
        ActionKind actionKind,
        long actingOrgId,
        String actingOrgName,
        LocalDate dueOn) {}
