package vn.partywork.access.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.partywork.access.Role;
import vn.partywork.identity.SensitiveAccess;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * P-ID-4: multi-factor authentication is mandatory for auditors and for every account holding a
 * grant (in force today) with a ceiling of Mật or above, or on the internal political protection
 * or cadre health databases.
 */
@Component
class SensitiveGrants implements SensitiveAccess {

    private static final Set<Database> SENSITIVE_DATABASES = Set.of(Database.POLITICAL_PROTECTION, Database.HEALTH);

    private final GrantStore grants;
    private final Clock clock;

    SensitiveGrants(GrantStore grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public boolean reachesSensitiveData(long accountId) {
        return grants.activeOn(List.of(accountId), LocalDate.now(clock)).stream()
                .anyMatch(g -> g.role() == Role.AUDITOR
                        || !g.ceiling().atMost(Classification.UNCLASSIFIED)
                        || g.databases().stream().anyMatch(SENSITIVE_DATABASES::contains));
    }
}
