package vn.partywork.identity.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountStatus;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;

/** One row of {@code identity.account}, with the hash and the failure counters; never leaves the module. */
public record AccountRecord(
        long id,
        String identifier,
        String displayName,
        AccountType type,
        @Nullable Long homeOrgId,
        @Nullable Long managerId,
        AccountStatus status,
        String passwordHash,
        boolean mustChangePassword,
        @Nullable Instant passwordChangedAt,
        int failedLogins,
        @Nullable Instant firstFailedAt,
        @Nullable Instant lockedUntil,
        boolean lockedByAdmin,
        Instant createdAt,
        @Nullable Long createdBy,
        int version) {

    /** Locked by an administrator until unlocked, or by failed logins until {@code lockedUntil}. */
    public boolean lockedAt(Instant now) {
        return lockedByAdmin || (lockedUntil != null && lockedUntil.isAfter(now));
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public AccountView view(Instant now) {
        boolean locked = lockedAt(now);
        return new AccountView(
                id,
                identifier,
                displayName,
                type,
                homeOrgId,
                managerId,
                status,
                mustChangePassword,
                locked,
                locked && !lockedByAdmin ? lockedUntil : null,
                lockedByAdmin,
                passwordChangedAt,
                createdAt,
                version);
    }

    public AccountPrincipal principal() {
        return new AccountPrincipal(id, identifier, displayName, type, homeOrgId, mustChangePassword);
    }

    @Override
    public String toString() {
        return "AccountRecord[id=" + id + ", identifier=" + identifier + "]";
    }
}
