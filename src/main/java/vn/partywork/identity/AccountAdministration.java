package vn.partywork.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.internal.AccountRecord;
import vn.partywork.identity.internal.AccountStore;
import vn.partywork.identity.internal.DefaultPasswordIssuer;
import vn.partywork.identity.internal.ManagementRules;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.TokenService;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.DomainException;

/**
 * Account administration (P-ID-1..3, P-ID-5): creation with a one-time default password,
 * password reset, handover, lock/unlock, deactivation. Every command checks that the actor
 * manages the account (P-ID-2), checks {@code version} against stale edits, and is audited in
 * its own transaction.
 */
@Service
public class AccountAdministration {

    /** P-ID-1: lower-case letters, digits, dot, underscore, hyphen; 3–64 characters. */
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9._-]{3,64}");

    private static final int MAX_NAME = 200;
    private static final int MAX_DOCUMENT = 100;

    private final AccountStore accounts;
    private final ManagementRules rules;
    private final DefaultPasswordIssuer defaults;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final MultiFactorService mfa;
    private final ApplicationEventPublisher events;

    AccountAdministration(
            AccountStore accounts,
            ManagementRules rules,
            DefaultPasswordIssuer defaults,
            PasswordEncoder encoder,
            TokenService tokens,
            OrgDirectory orgs,
            AuditLog audit,
            Clock clock,
            MultiFactorService mfa,
            ApplicationEventPublisher events) {
        this.mfa = mfa;
        this.events = events;
        this.accounts = accounts;
        this.rules = rules;
        this.defaults = defaults;
        this.encoder = encoder;
        this.tokens = tokens;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an account with a generated default password that must be changed at first login (P-ID-3). */
    @Transactional
    public IssuedPassword create(AccountPrincipal actor, NewAccount command) {
        rules.requireManager(actor);
        NewAccount cmd = validated(command);
        if (cmd.type() == AccountType.SYSTEM_ADMIN && actor.type() != AccountType.SYSTEM_ADMIN) {
            throw DomainException.forbidden("identity.account.typeNotAllowed");
        }
        if (cmd.homeOrgId() != null && !rules.managesOrg(actor, cmd.homeOrgId())) {
            throw DomainException.forbidden("identity.account.orgOutsideScope");
        }
        if (cmd.managerId() != null) {
            AccountRecord manager = accounts.byId(cmd.managerId()).orElse(null);
            if (manager == null
                    || manager.type() != AccountType.USER_MANAGER
                    || !manager.isActive()
                    || !rules.manages(actor, manager)) {
                throw DomainException.invalid("identity.account.managerInvalid");
            }
        }
        String password = defaults.generate(cmd.identifier());
        AccountView view = insert(cmd, encoder.encode(password), true, actor.accountId(), actor.identifier());
        return new IssuedPassword(view, password);
    }

    /**
     * For the demo-data loader only: creates an account with a known password that need not be
     * changed, without an acting administrator. Never call it from a request path.
     */
    @Transactional
    public AccountView createForSeeding(NewAccount command, String password) {
        NewAccount cmd = validated(command);
        if (cmd.managerId() != null
                && accounts.byId(cmd.managerId())
                        .filter(m -> m.type() == AccountType.USER_MANAGER)
                        .isEmpty()) {
            throw DomainException.invalid("identity.account.managerInvalid");
        }
        return insert(cmd, encoder.encode(password), false, null, "seed");
    }

    @Transactional(readOnly = true)
    public AccountPage search(AccountPrincipal actor, AccountQuery query) {
        String subtree = rules.managedSubtree(actor).orElse(null);
        Instant now = clock.instant();
        List<AccountView> items = accounts
                .search(query.text(), query.type(), query.status(), subtree, query.page() * query.size(), query.size())
                .stream()
                .map(a -> a.view(now))
                .toList();
        long total = accounts.count(query.text(), query.type(), query.status(), subtree);
        // P-AU-1: a list of people is a read of personal data: one SEARCH event with the criteria.
        audit.record(AuditEvent.of(AuditAction.SEARCH, "account", null)
                .detail("text", query.text())
                .detail("type", query.type() == null ? null : query.type().name())
                .detail("status", query.status() == null ? null : query.status().name())
                .detail("page", query.page())
                .detail("results", total)
                .build());
        return new AccountPage(items, query.page(), query.size(), total);
    }

    /** The account with this identifier when the actor manages it; empty otherwise (or when there is none). */
    @Transactional(readOnly = true)
    public Optional<AccountView> findManaged(AccountPrincipal actor, String identifier) {
        if (!actor.type().managesAccounts()) {
            return Optional.empty();
        }
        return accounts.byIdentifier(identifier)
                .filter(a -> rules.manages(actor, a))
                .map(a -> a.view(clock.instant()));
    }

    /** The account when the actor manages it; 404 otherwise, so that other subtrees' accounts stay invisible. */
    @Transactional(readOnly = true)
    public AccountView requireManaged(AccountPrincipal actor, long accountId) {
        return managed(actor, accountId).view(clock.instant());
    }

    public boolean manages(AccountPrincipal actor, long accountId) {
        if (!actor.type().managesAccounts()) {
            return false;
        }
        return accounts.byId(accountId).map(a -> rules.manages(actor, a)).orElse(false);
    }

    /** True when the organisation lies inside the subtree the actor manages (everything for a system administrator). */
    public boolean managesOrganisation(AccountPrincipal actor, long orgId) {
        return actor.type().managesAccounts() && rules.managesOrg(actor, orgId);
    }

    /**
     * P-ID-2: the organisations the actor may choose in an administration form, matching the
     * query: any for a system administrator, its home subtree for an organisation administrator.
     */
    @Transactional(readOnly = true)
    public List<OrgChoice> manageableOrganisations(AccountPrincipal actor, @Nullable String query, int limit) {
        rules.requireManager(actor);
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return withParents(orgs.search(query, rules.managedSubtree(actor).orElse(null), limit));
    }

    /** The organisation with its parent when the actor manages it (the choice a form shows); empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<OrgChoice> manageableOrganisation(AccountPrincipal actor, @Nullable Long orgId) {
        if (orgId == null || !managesOrganisation(actor, orgId)) {
            return Optional.empty();
        }
        return orgs.current(orgId).map(o -> withParents(List.of(o)).get(0));
    }

    private List<OrgChoice> withParents(List<OrgSummary> found) {
        Map<Long, OrgSummary> parents = new HashMap<>();
        orgs.current(found.stream()
                        .map(OrgSummary::parentId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .forEach(p -> parents.put(p.id(), p));
        return found.stream()
                .map(o -> new OrgChoice(o, o.parentId() == null ? null : parents.get(o.parentId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public AccountDetails details(AccountPrincipal actor, long accountId) {
        AccountRecord account = managed(actor, accountId);
        String orgName = account.homeOrgId() == null
                ? null
                : orgs.current(account.homeOrgId()).map(OrgSummary::name).orElse(null);
        String manager = account.managerId() == null
                ? null
                : accounts.byId(account.managerId())
                        .map(AccountRecord::identifier)
                        .orElse(null);
        // P-AU-1: the account page shows a person's name, organisation and the issuance history.
        audit.record(AuditEvent.of(AuditAction.READ, "account", accountId).build());
        return new AccountDetails(
                account.view(clock.instant()),
                orgName,
                accounts.position(accountId),
                manager,
                accounts.issuances(accountId));
    }

    /**
     * P-ID-5: the holder takes a new position and/or unit. The actor must manage the account and the
     * new unit. When something changed, {@link AccountPositionChanged} is published in this
     * transaction: the access module puts the account's grants up for review. Audited with old and
     * new values and the decision as basis.
     */
    @Transactional
    public AccountView changePosition(AccountPrincipal actor, long accountId, ChangePosition command) {
        AccountRecord account = managedOther(actor, accountId);
        if (account.type() == AccountType.SYSTEM_ADMIN) {
            throw DomainException.invalid("identity.account.positionNotForSystemAdmin");
        }
        String position = text(command.position());
        String document = text(command.documentNumber());
        if ((position != null && position.length() > MAX_NAME)
                || (document != null && document.length() > MAX_DOCUMENT)) {
            throw DomainException.invalid("identity.account.tooLong");
        }
        long org = command.homeOrgId() == null ? Objects.requireNonNull(account.homeOrgId()) : command.homeOrgId();
        if (orgs.current(org).isEmpty()) {
            throw DomainException.invalid("identity.account.orgNotFound");
        }
        if (!rules.managesOrg(actor, org)) {
            throw DomainException.forbidden("identity.account.orgOutsideScope");
        }
        String oldPosition = accounts.position(accountId);
        boolean moved = !Objects.equals(account.homeOrgId(), org);
        if (!moved && Objects.equals(oldPosition, position)) {
            throw DomainException.invalid("identity.account.positionUnchanged");
        }
        accounts.setPosition(accountId, versionOf(account, command.version()), position, org);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "account", accountId)
                .change("position", oldPosition, position)
                .change("homeOrgId", account.homeOrgId(), org)
                .detail("documentNumber", document)
                .basis(document)
                .build());
        events.publishEvent(new AccountPositionChanged(
                accountId, account.identifier(), oldPosition, position, account.homeOrgId(), org, document));
        return reload(accountId);
    }

    /** P-ID-3: a lost or compromised password is replaced by a new default that must be changed. */
    @Transactional
    public IssuedPassword resetPassword(AccountPrincipal actor, long accountId, @Nullable Integer version) {
        AccountRecord account = managed(actor, accountId);
        int expected = versionOf(account, version);
        String password = defaults.generate(account.identifier());
        Instant now = clock.instant();
        accounts.setPasswordChecked(accountId, expected, encoder.encode(password), now);
        accounts.addIssuance(
                accountId, IssuanceKind.RESET, actor.accountId(), actor.identifier(), account.displayName(), null, now);
        tokens.revokeAll(accountId);
        audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET, "account", accountId)
                .detail("identifier", account.identifier())
                .build());
        return new IssuedPassword(reload(accountId), password);
    }

    /**
     * P-ID-3, P-ID-5: the account passes to another person (accounts are never shared): the
     * handover is recorded with its document, the name becomes the new holder's, and the new
     * holder gets a default password to change at first login.
     */
    @Transactional
    public IssuedPassword handOver(
            AccountPrincipal actor,
            long accountId,
            @Nullable Integer version,
            @Nullable String personName,
            @Nullable String documentNumber) {
        AccountRecord account = managed(actor, accountId);
        int expected = versionOf(account, version);
        String person = text(personName);
        String document = text(documentNumber);
        if (person == null) {
            throw DomainException.invalid("identity.handover.personRequired");
        }
        if (person.length() > MAX_NAME || (document != null && document.length() > MAX_DOCUMENT)) {
            throw DomainException.invalid("identity.account.tooLong");
        }
        if (!account.isActive()) {
            throw DomainException.conflict("identity.account.deactivated");
        }
        String password = defaults.generate(account.identifier());
        Instant now = clock.instant();
        accounts.setDisplayName(accountId, expected, person);
        accounts.setPasswordChecked(accountId, expected + 1, encoder.encode(password), now);
        accounts.addIssuance(
                accountId, IssuanceKind.HANDOVER, actor.accountId(), actor.identifier(), person, document, now);
        tokens.revokeAll(accountId);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "account", accountId)
                .change("displayName", account.displayName(), person)
                .detail("operation", "HANDOVER")
                .detail("documentNumber", document)
                .basis(document)
                .build());
        audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET, "account", accountId)
                .detail("identifier", account.identifier())
                .detail("operation", "HANDOVER")
                .build());
        return new IssuedPassword(reload(accountId), password);
    }

    @Transactional
    public AccountView lock(AccountPrincipal actor, long accountId, @Nullable Integer version) {
        AccountRecord account = managedOther(actor, accountId);
        accounts.setAdminLock(accountId, versionOf(account, version), true);
        tokens.revokeAll(accountId);
        audit.record(AuditEvent.of(AuditAction.LOCK, "account", accountId)
                .detail("reason", "administrator")
                .build());
        return reload(accountId);
    }

    /**
     * P-ID-4: removes the account's second factor (a lost or replaced phone); its API tokens stop
     * working and it enrols again at its next login. {@code identity.mfa.notEnrolled} when it has none.
     */
    @Transactional
    public AccountView resetMfa(AccountPrincipal actor, long accountId) {
        AccountRecord account = managedOther(actor, accountId);
        mfa.reset(account.id(), account.identifier());
        tokens.revokeAll(accountId);
        return reload(accountId);
    }

    /** Whether the account has a second factor (shown on its page). */
    @Transactional(readOnly = true)
    public boolean mfaEnrolled(AccountPrincipal actor, long accountId) {
        return mfa.enrolled(managed(actor, accountId).id());
    }

    /** Lifts an administrator's lock and a lock-out after failed logins alike. */
    @Transactional
    public AccountView unlock(AccountPrincipal actor, long accountId, @Nullable Integer version) {
        AccountRecord account = managed(actor, accountId);
        accounts.setAdminLock(accountId, versionOf(account, version), false);
        audit.record(AuditEvent.of(AuditAction.UNLOCK, "account", accountId)
                .detail("wasLockedByAdmin", account.lockedByAdmin())
                .build());
        return reload(accountId);
    }

    @Transactional
    public AccountView deactivate(AccountPrincipal actor, long accountId, @Nullable Integer version) {
        return setStatus(managedOther(actor, accountId), version, AccountStatus.DEACTIVATED);
    }

    @Transactional
    public AccountView reactivate(AccountPrincipal actor, long accountId, @Nullable Integer version) {
        return setStatus(managed(actor, accountId), version, AccountStatus.ACTIVE);
    }

    private AccountView setStatus(AccountRecord account, @Nullable Integer version, AccountStatus status) {
        if (account.status() == status) {
            throw DomainException.conflict(
                    status == AccountStatus.ACTIVE ? "identity.account.alreadyActive" : "identity.account.deactivated");
        }
        accounts.setStatus(account.id(), versionOf(account, version), status, clock.instant());
        if (status == AccountStatus.DEACTIVATED) {
            tokens.revokeAll(account.id());
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "account", account.id())
                .change("status", account.status().name(), status.name())
                .build());
        return reload(account.id());
    }

    private AccountView insert(
            NewAccount cmd, String hash, boolean mustChange, @Nullable Long actorId, String actorIdentifier) {
        if (accounts.identifierTaken(cmd.identifier())) {
            throw DomainException.conflict("identity.account.identifierTaken", cmd.identifier());
        }
        Instant now = clock.instant();
        long id = accounts.insert(
                cmd.identifier(),
                cmd.displayName(),
                cmd.type(),
                cmd.homeOrgId(),
                cmd.managerId(),
                hash,
                mustChange,
                now,
                actorId);
        accounts.addIssuance(
                id,
                IssuanceKind.ISSUE,
                actorId,
                actorIdentifier,
                cmd.issuedTo() == null ? cmd.displayName() : cmd.issuedTo(),
                cmd.documentNumber(),
                now);
        audit.record(AuditEvent.of(AuditAction.CREATE, "account", id)
                .actorIdentifier(actorId == null ? actorIdentifier : null)
                .change("identifier", null, cmd.identifier())
                .change("displayName", null, cmd.displayName())
                .change("type", null, cmd.type().name())
                .change("homeOrgId", null, cmd.homeOrgId())
                .change("managerId", null, cmd.managerId())
                .detail("documentNumber", cmd.documentNumber())
                .basis(cmd.documentNumber())
                .build());
        return reload(id);
    }

    private NewAccount validated(NewAccount cmd) {
        String identifier = cmd.identifier() == null ? "" : cmd.identifier().strip();
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw DomainException.invalid("identity.account.identifierInvalid");
        }
        String name = text(cmd.displayName());
        if (name == null) {
            throw DomainException.invalid("identity.account.nameRequired");
        }
        String issuedTo = text(cmd.issuedTo());
        String document = text(cmd.documentNumber());
        if (name.length() > MAX_NAME
                || (issuedTo != null && issuedTo.length() > MAX_NAME)
                || (document != null && document.length() > MAX_DOCUMENT)) {
            throw DomainException.invalid("identity.account.tooLong");
        }
        if (cmd.type() == null) {
            throw DomainException.invalid("identity.account.typeRequired");
        }
        Long homeOrg = cmd.type() == AccountType.SYSTEM_ADMIN ? null : cmd.homeOrgId();
        if (cmd.type() != AccountType.SYSTEM_ADMIN) {
            if (homeOrg == null) {
                throw DomainException.invalid("identity.account.homeOrgRequired");
            }
            if (orgs.current(homeOrg).isEmpty()) {
                throw DomainException.invalid("identity.account.orgNotFound");
            }
        }
        if (cmd.managerId() != null && cmd.type() != AccountType.USER) {
            throw DomainException.invalid("identity.account.managerOnlyForUser");
        }
        return new NewAccount(identifier, name, cmd.type(), homeOrg, cmd.managerId(), issuedTo, document);
    }

    private AccountRecord managed(AccountPrincipal actor, long accountId) {
        rules.requireManager(actor);
        return accounts.byId(accountId)
                .filter(a -> rules.manages(actor, a))
                .orElseThrow(() -> DomainException.notFound("identity.account.notFound"));
    }

    /** Like {@link #managed} but refuses the actor's own account (an administrator does not lock themself out). */
    private AccountRecord managedOther(AccountPrincipal actor, long accountId) {
        AccountRecord account = managed(actor, accountId);
        if (account.id() == actor.accountId()) {
            throw DomainException.forbidden("identity.account.self");
        }
        return account;
    }

    private static int versionOf(AccountRecord account, @Nullable Integer version) {
        if (version != null && version != account.version()) {
            throw DomainException.conflict("request.staleVersion");
        }
        return account.version();
    }

    private AccountView reload(long id) {
        return accounts.byId(id).orElseThrow().view(clock.instant());
    }

    private static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
