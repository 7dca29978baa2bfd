package vn.partywork.identity;

import org.jspecify.annotations.Nullable;

/**
 * Command: the account's holder takes a new position (chức vụ) and/or unit (P-ID-5).
 *
 * @param homeOrgId the new unit; null keeps the current one
 * @param documentNumber the decision on the appointment or transfer (basis of the audit event)
 */
public record ChangePosition(
        @Nullable String position,
        @Nullable Long homeOrgId,
        @Nullable String documentNumber,
        @Nullable Integer version) {}
