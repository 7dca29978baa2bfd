package vn.partywork.access.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.AccessScope;

/** The signed-in account and what it may reach now. */
@RestController
class MeApiController {

    record Me(AccountPrincipal account, AccessScope scope) {}

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal AccountPrincipal account, AccessScope scope) {
        return new Me(account, scope);
    }
}
