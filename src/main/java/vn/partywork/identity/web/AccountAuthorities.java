package vn.partywork.identity.web;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;

/** The only authority an account carries is its type; business rights come from grants (access module). */
final class AccountAuthorities {

    private AccountAuthorities() {}

    static List<GrantedAuthority> of(AccountPrincipal principal) {
        return List.of(new SimpleGrantedAuthority(role(principal.type())));
    }

    static String role(AccountType type) {
        return "ROLE_" + type.name();
    }
}
