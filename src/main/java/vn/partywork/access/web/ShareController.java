package vn.partywork.access.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partywork.access.RecordShares;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * P-AZ-2: the page "Được chia sẻ với tôi" (every business account; its own shares only) and the
 * search-as-you-type account picker of the share forms, which offers active accounts (not system
 * administrators) by identifier or name with their home organisation, at most {@value #PICKER_SIZE}
 * and only from two characters on, to accounts that hold WRITE somewhere (those who create records;
 * 403 for the others). The share itself checks the chosen account again.
 */
@Controller
class ShareController {

    static final int PICKER_SIZE = 10;

    /** One account offered by the picker. */
    record AccountChoice(
            String identifier, String name, @Nullable String orgName) {}

    private final RecordShares shares;
    private final Accounts accounts;
    private final OrgDirectory orgs;

    ShareController(RecordShares shares, Accounts accounts, OrgDirectory orgs) {
        this.shares = shares;
        this.accounts = accounts;
        this.orgs = orgs;
    }

    @GetMapping("/shares/received")
    String received(AccessScope scope, Model model) {
        model.addAttribute("received", shares.received(scope));
        return "shares/received";
    }

    /** Matches for the search box, each a button that chooses it. */
    @GetMapping("/shares/accounts/pick")
    String pick(AccessScope scope, @RequestParam(required = false) @Nullable String q, Model model) {
        mayPick(scope);
        String query = q == null ? "" : q.strip();
        List<AccountView> found = query.length() < 2 || query.length() > 100
                ? List.of()
                : accounts.findActive(query, PICKER_SIZE).stream()
                        .filter(a -> a.id() != scope.accountId())
                        .toList();
        Map<Long, String> orgNames = new HashMap<>();
        orgs.current(found.stream()
                        .map(AccountView::homeOrgId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .forEach(o -> orgNames.put(o.id(), o.name()));
        model.addAttribute("query", query);
        model.addAttribute(
                "picks",
                found.stream()
                        .map(a -> new AccountChoice(
                                a.identifier(),
                                a.displayName(),
                                a.homeOrgId() == null ? null : orgNames.get(a.homeOrgId())))
                        .toList());
        return "shares/account-picker :: results";
    }

    /** The picker again with one account chosen (its identifier in the form field {@code grantee}). */
    @GetMapping("/shares/accounts/choose")
    String choose(AccessScope scope, @RequestParam(required = false) @Nullable String identifier, Model model) {
        mayPick(scope);
        AccountChoice chosen = identifier == null
                ? null
                : accounts.byIdentifier(identifier)
                        .filter(AccountView::isActive)
                        .map(a -> new AccountChoice(
                                a.identifier(),
                                a.displayName(),
                                a.homeOrgId() == null
                                        ? null
                                        : orgs.current(a.homeOrgId())
                                                .map(OrgSummary::name)
                                                .orElse(null)))
                        .orElse(null);
        model.addAttribute("chosen", chosen);
        return "shares/account-picker :: picker";
    }

    /** Only those who create records (WRITE somewhere) share them; nobody else browses the accounts. */
    private static void mayPick(AccessScope scope) {
        if (!scope.has(Permission.WRITE)) {
            throw DomainException.forbidden("auth.forbidden");
        }
    }
}
