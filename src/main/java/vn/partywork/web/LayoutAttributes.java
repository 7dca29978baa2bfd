package vn.partywork.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.partywork.identity.AccountPrincipal;

/** Gives every page the signed-in account, for the navigation bar. */
@ControllerAdvice
class LayoutAttributes {

    @ModelAttribute("currentUser")
    @Nullable
    AccountPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    }
}
