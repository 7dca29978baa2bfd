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

    /** P-ID-2: the active USER accounts a user-manager manages. */
    public List<Long> activeManagedUsers(long managerId) {
        return accounts.activeManagedUsers(managerId);
    }
}
