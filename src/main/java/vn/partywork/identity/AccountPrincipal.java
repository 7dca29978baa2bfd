package vn.partywork.identity;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Actor;

/**
 * The authenticated account as every request sees it (session or bearer token). The principal of
 * every {@code Authentication} in this application is one of these.
 */
public record AccountPrincipal(
        long accountId,
        String identifier,
        String displayName,
        AccountType type,
        @Nullable Long homeOrgId,
        boolean mustChangePassword)
        implements Actor, Serializable {

    public boolean isSystemAdmin() {
        return type == AccountType.SYSTEM_ADMIN;
    }
}
