package vn.partywork.access.internal;

import java.util.Collection;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.access.Role;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * P-AU-2: a grant's changes in the audit log as people say them: "Vai trò: Cán bộ ban tổ chức",
 * "Phạm vi: Đảng bộ Thành phố Hà Nội", "Cơ sở dữ liệu: Tổ chức và đảng viên", "Độ mật tối đa: Mật".
 */
@Component
class GrantAuditValues implements AuditValueLabels {

    private final OrgDirectory orgs;
    private final Accounts accounts;

    GrantAuditValues(OrgDirectory orgs, Accounts accounts) {
        this.orgs = orgs;
        this.accounts = accounts;
    }

    @Override
    public String targetType() {
        return "grant";
    }

    @Override
    public @Nullable String label(String field, Object value) {
        if (value instanceof Collection<?> values && field.equals("databases")) {
            return values.stream()
                    .map(v -> Database.valueOf(v.toString()).label())
                    .collect(Collectors.joining(", "));
        }
        String text = value.toString();
        return switch (field) {
            case "role" -> Role.valueOf(text).label();
            case "ceiling" -> Classification.valueOf(text).label();
            case "orgId" ->
                orgs.current(Long.parseLong(text)).map(OrgSummary::name).orElse(null);
            case "accountId" ->
                accounts.byId(Long.parseLong(text))
                        .map(a -> a.displayName() + " (" + a.identifier() + ")")
                        .orElse(null);
            default -> null;
        };
    }
}
