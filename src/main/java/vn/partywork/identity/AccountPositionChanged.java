package vn.partywork.identity;

import org.jspecify.annotations.Nullable;

/**
 * P-ID-5: an account's holder changed position or unit; the grants given for the old one must be
 * reviewed. Published in the transaction of the change.
 */
public record AccountPositionChanged(
        long accountId,
        String identifier,
        @Nullable String oldPosition,
        @Nullable String newPosition,
        @Nullable Long oldOrgId,
        @Nullable Long newOrgId,
        @Nullable String documentNumber) {}
