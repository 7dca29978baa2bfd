package vn.partywork.identity.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/** P-ID-2: who manages whom. A system administrator manages every account; an organisation administrator those of its subtree. */
@Component
public class ManagementRules {

    private final OrgDirectory orgs;

    ManagementRules(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    /** Refuses (403) callers whose account type manages no accounts. */
    public void requireManager(AccountPrincipal actor) {
        if (!actor.type().managesAccounts()) {
            throw DomainException.forbidden("identity.account.notManager");
        }
    }

    /** The subtree an organisation administrator manages, as an ltree path; empty for a system administrator. */
    public Optional<String> managedSubtree(AccountPrincipal actor) {
        if (actor.type() == AccountType.SYSTEM_ADMIN) {
            return Optional.empty();
        }
        requireManager(actor);
        Long home = actor.homeOrgId();
        String path =
                home == null ? null : orgs.current(home).map(OrgSummary::path).orElse(null);
        if (path == null) {
            // The administrator's own organisation was dissolved: it manages nothing until re-homed.
            throw DomainException.forbidden("identity.account.homeOrgGone");
        }
        return Optional.of(path);
    }

    /** True when the organisation lies inside what the actor manages. */
    public boolean managesOrg(AccountPrincipal actor, @Nullable Long orgId) {
        Optional<String> subtree = managedSubtree(actor);
        if (subtree.isEmpty()) {
            return true;
        }
        if (orgId == null) {
            return false;
        }
        return orgs.current(orgId)
                .map(o -> AccessScope.isWithin(o.path(), subtree.get()))
                .orElse(false);
    }

    public boolean manages(AccountPrincipal actor, AccountRecord target) {
        if (actor.type() == AccountType.SYSTEM_ADMIN) {
            return true;
        }
        return actor.type() == AccountType.ORG_ADMIN
                && target.type() != AccountType.SYSTEM_ADMIN
                && managesOrg(actor, target.homeOrgId());
    }
}
