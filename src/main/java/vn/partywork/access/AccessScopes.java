package vn.partywork.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.partywork.access.internal.GrantRecord;
import vn.partywork.access.internal.GrantStore;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * The caller's {@link AccessScope} (ARCHITECTURE rule 1, P-AZ-1): computed from the account's
 * active grants on today's date, resolved to the organisations' current paths, once per request.
 * Nobody needs to act when a grant expires: it simply stops appearing.
 */
@Service
public class AccessScopes {

    static final String REQUEST_ATTRIBUTE = AccessScopes.class.getName() + ".scope";

    private final GrantStore grants;
    private final Accounts accounts;
    private final OrgDirectory orgs;
    private final Clock clock;

    AccessScopes(GrantStore grants, Accounts accounts, OrgDirectory orgs, Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** The signed-in caller's scope, cached in the current request; {@code auth.required} (401) when nobody is signed in. */
    public AccessScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "auth.required");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof AccessScope cached
                && cached.accountId() == principal.accountId()) {
            return cached;
        }
        AccessScope scope = forAccount(principal.accountId(), LocalDate.now(clock));
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    /** The scope an account has on a day (tests, the demo, reports "as of"). */
    public AccessScope forAccount(long accountId, LocalDate day) {
        AccountView account = accounts.byId(accountId).orElse(null);
        if (account == null) {
            return AccessScope.none(accountId, "");
        }
        // P-ID-2: the system administrator never sees business data; a deactivated account sees nothing.
        if (!account.isActive() || account.type() == AccountType.SYSTEM_ADMIN) {
            return AccessScope.none(accountId, account.identifier());
        }
        Set<Long> holders = new LinkedHashSet<>();
        holders.add(accountId);
        if (account.type() == AccountType.USER_MANAGER) {
            // P-ID-2: a user-manager holds the union of the rights of the users it manages.
            holders.addAll(accounts.activeManagedUsers(accountId));
        }
        List<GrantRecord> active = grants.activeOn(holders, day);
        Set<Long> orgIds = new LinkedHashSet<>();
        active.forEach(g -> orgIds.add(g.orgId()));
        if (account.type() == AccountType.MEMBER && account.homeOrgId() != null) {
            orgIds.add(account.homeOrgId());
        }
        // Dissolved organisations have no current path: their grants give nothing.
        Map<Long, String> paths = orgs.currentPaths(orgIds);
        List<AccessScope.Entry> entries = new ArrayList<>();
        for (GrantRecord grant : active) {
            String path = paths.get(grant.orgId());
            if (path != null) {
                entries.add(new AccessScope.Entry(
                        grant.id(),
                        path,
                        grant.databases(),
                        grant.ceiling(),
                        // P-AZ-3: fail-closed: an aggregate-only grant gives no READ, so no detail check lets it
                        // through.
                        grant.aggregateOnly()
                                ? EnumSet.of(Permission.AGGREGATE)
                                : grant.role().permissions()));
            }
        }
        if (account.type() == AccountType.MEMBER && account.homeOrgId() != null) {
            String cell = paths.get(account.homeOrgId());
            if (cell != null) {
                // H-4: a member reads their own cell's organisation information in the handbook (no grant row: id 0).
                entries.add(new AccessScope.Entry(
                        0,
                        cell,
                        EnumSet.of(Database.HANDBOOK, Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ)));
            }
        }
        return new AccessScope(accountId, account.identifier(), entries, account.type() == AccountType.MEMBER);
    }

    /**
     * The accounts that hold one of {@code anyOf} on {@code database} at the organisation
     * {@code orgPath}, taken at the nearest level that has any: the holders of a grant on the
     * organisation itself, else on its parent, and so on up to the root; with the user-managers of
     * those holders (P-ID-2: a user-manager holds the union of its users' rights). Each account is
     * checked against its real scope on {@code day} (active, not a system administrator, grant
     * active). Used to address alerts to the people who must act (P-WF-1) without alerting every
     * central officer whose nationwide grant also covers the organisation.
     */
    public List<Long> nearestHolders(Database database, String orgPath, Set<Permission> anyOf, LocalDate day) {
        List<Long> line = Arrays.stream(orgPath.split("\\.")).map(Long::valueOf).toList(); // root … org
        TreeMap<Integer, Set<Long>> byDepth = new TreeMap<>();
        for (GrantRecord grant : grants.activeOnOrganisations(line, database, day)) {
            if (!grant.aggregateOnly() && grant.role().permissions().stream().anyMatch(anyOf::contains)) {
                byDepth.computeIfAbsent(line.indexOf(grant.orgId()), d -> new LinkedHashSet<>())
                        .add(grant.accountId());
            }
        }
        for (Set<Long> holders : byDepth.descendingMap().values()) {
            Set<Long> candidates = new LinkedHashSet<>(holders);
            for (Long holder : holders) {
                accounts.byId(holder).map(AccountView::managerId).ifPresent(candidates::add);
            }
            List<Long> permitted = candidates.stream()
                    .filter(id -> {
                        AccessScope scope = forAccount(id, day);
                        return anyOf.stream().anyMatch(p -> scope.permits(p, database, orgPath));
                    })
                    .toList();
            if (!permitted.isEmpty()) {
                return permitted;
            }
        }
        return List.of();
    }
}
