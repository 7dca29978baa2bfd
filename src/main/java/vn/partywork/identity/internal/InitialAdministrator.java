package vn.partywork.identity.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.IssuanceKind;

/**
 * A fresh production database has no account to sign in with. With
 * {@code partywork.identity.initial-admin=<identifier>} set, the first start creates that system
 * administrator with a one-time default password written once to the log (P-ID-3: it must be
 * changed at first login). Nothing happens once any system administrator exists.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final IdentitySettings settings;
    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final DefaultPasswordIssuer defaults;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    InitialAdministrator(
            IdentitySettings settings,
            JdbcClient jdbc,
            AccountStore accounts,
            DefaultPasswordIssuer defaults,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            TransactionTemplate tx) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.defaults = defaults;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String identifier = LoginService.normalise(settings.initialAdmin());
        if (identifier.isEmpty()) {
            return;
        }
        if (!AccountAdministration.IDENTIFIER.matcher(identifier).matches()) {
            log.error(
                    "partywork.identity.initial-admin '{}' is not a valid identifier; no administrator created",
                    identifier);
            return;
        }
        tx.executeWithoutResult(status -> {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE type = 'SYSTEM_ADMIN')")
                    .query(Boolean.class)
                    .single();
            if (exists || accounts.identifierTaken(identifier)) {
                return;
            }
            String password = defaults.generate(identifier);
            long id = accounts.insert(
                    identifier,
                    "Quản trị hệ thống",
                    AccountType.SYSTEM_ADMIN,
                    null,
                    null,
                    encoder.encode(password),
                    true,
                    clock.instant(),
                    null);
            accounts.addIssuance(id, IssuanceKind.ISSUE, null, "system", null, null, clock.instant());
            audit.record(AuditEvent.of(AuditAction.CREATE, "account", id)
                    .actorIdentifier("system")
                    .change("identifier", null, identifier)
                    .change("type", null, AccountType.SYSTEM_ADMIN.name())
                    .detail("operation", "initialAdmin")
                    .build());
            log.warn(
                    "Created the initial system administrator '{}' with the one-time password: {} "
                            + "(it must be changed at first login)",
                    identifier,
                    password);
        });
    }
}
