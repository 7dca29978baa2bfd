package vn.partywork.identity.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.org.DissolutionCheck;

/** P-ORG-2 with P-ID-2: an organisation that is still the home of active accounts is not dissolved. */
@Component
class AccountDissolutionCheck implements DissolutionCheck {

    private final AccountStore accounts;

    AccountDissolutionCheck(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> blockingReason(long orgId) {
        return accounts.countActiveWithHomeOrg(orgId) > 0 ? Optional.of("org.dissolve.hasAccounts") : Optional.empty();
    }
}
