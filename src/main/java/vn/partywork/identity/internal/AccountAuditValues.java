package vn.partywork.identity.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.identity.AccountStatus;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;

/** P-AU-2: accounts in the audit log by their holder's name, with their type and home organisation named. */
@Component
class AccountAuditValues implements AuditValueLabels {

    private final Accounts accounts;
    private final OrgDirectory orgs;

    AccountAuditValues(Accounts accounts, OrgDirectory orgs) {
        this.accounts = accounts;
        this.orgs = orgs;
    }

    @Override
    public String targetType() {
        return "account";
    }

    @Override
    public @Nullable String label(String field, Object value) {
        String text = value.toString();
        return switch (field) {
            case "type" -> AccountType.valueOf(text).label();
            case "status" -> AccountStatus.valueOf(text).label();
            case "homeOrgId", "orgId" ->
                orgs.current(Long.parseLong(text)).map(OrgSummary::name).orElse(null);
            default -> null;
        };
    }

    @Override
    public Map<String, String> titles(Collection<String> targetIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (String id : targetIds) {
            accounts.byId(Long.parseLong(id))
                    .ifPresent(a -> titles.put(id, a.displayName() + " (" + a.identifier() + ")"));
        }
        return titles;
    }
}
