package vn.partywork.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account as administrators and other modules see it; never carries the password hash.
 * {@code locked} is evaluated when the view was read (a lock-out lifts by itself at {@code lockedUntil}).
 */
public record AccountView(
        long id,
        String identifier,
        String displayName,
        AccountType type,
        @Nullable Long homeOrgId,
        @Nullable Long managerId,
        AccountStatus status,
        boolean mustChangePassword,
        boolean locked,
        @Nullable Instant lockedUntil,
        boolean lockedByAdmin,
        @Nullable Instant passwordChangedAt,
        Instant createdAt,
        int version) {

    public AccountPrincipal principal() {
        return new AccountPrincipal(id, identifier, displayName, type, homeOrgId, mustChangePassword);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
