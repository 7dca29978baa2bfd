package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partywork.identity.AccountPrincipal;

/** The login page; the form posts to Spring Security's {@code POST /login}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @AuthenticationPrincipal @Nullable AccountPrincipal current,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String expired,
            Model model) {
        if (current != null) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute(
                    "error",
                    switch (error) {
                        case "locked" -> "login.error.locked";
                        case "disabled" -> "login.error.disabled";
                        case "initialPasswordExpired" -> "login.error.initialPasswordExpired";
                        case "passwordChanged" -> "login.error.passwordChanged";
                        default -> "login.error.bad";
                    });
        }
        if (logout != null) {
            model.addAttribute("info", "login.info.logout");
        } else if (expired != null) {
            model.addAttribute("info", "login.info.expired");
        }
        return "identity/login";
    }

    /**
     * Issue 6 item 9: where {@link LoginRateLimitFilter} forwards a sign-in it refused; the login
     * page again, answered 429 with the reason.
     */
    @RequestMapping(
            path = LoginRateLimitFilter.LIMITED_PAGE,
            method = {RequestMethod.GET, RequestMethod.POST})
    String limited(Model model, HttpServletResponse response) {
        response.setStatus(429);
        model.addAttribute("error", "login.error.rateLimited");
        return "identity/login";
    }
}
