package vn.partywork.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partywork.identity.internal.AccountStore;
import vn.partywork.identity.internal.LoginService;

/** Look-ups of accounts for other modules (access scopes) and the demo-data loader. */
@Service
public class Accounts {

    private final AccountStore accounts;
    private final Clock clock;

    Accounts(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public Optional<AccountView> byId(long id) {
        return accounts.byId(id).map(a -> a.view(clock.instant()));
    }

    /** By login identifier (case-insensitive, surrounding blanks ignored). */
    public Optional<AccountView> byIdentifier(String identifier) {
        return accounts.byIdentifier(LoginService.normalise(identifier)).map(a -> a.view(clock.instant()));
    }

    /**
     * P-AZ-2: active accounts whose identifier or name matches {@code text} (without diacritics), for
     * the account picker of record shares; system administrators are left out (they hold no business
     * rights). At most {@code limit}, by identifier.
     */
    public List<AccountView> findActive(String text, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return accounts.search(text, null, AccountStatus.ACTIVE, null, 0, limit + 1).stream()
                .map(a -> a.view(clock.instant()))
                .filter(a -> a.type() != AccountType.SYSTEM_ADMIN)
                .limit(limit)
                .toList();
    }

    /** P-ID-2: the active USER accounts a user-manager manages. */
    public List<Long> activeManagedUsers(long managerId) {
        return accounts.activeManagedUsers(managerId);
    }
}
