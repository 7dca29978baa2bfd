package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.internal.PasswordPolicy;
import vn.partywork.identity.internal.PasswordService;
import vn.partywork.shared.DomainException;

/** Change of one's own password, forced after a default password (P-ID-3) or voluntary. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    record PasswordForm(
            @Nullable String currentPassword,
            @Nullable String newPassword,
            @Nullable String confirmPassword) {}

    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final ErrorTexts errors;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(PasswordService passwords, PasswordPolicy policy, ErrorTexts errors) {
        this.passwords = passwords;
        this.policy = policy;
        this.errors = errors;
    }

    @GetMapping
    String form(@AuthenticationPrincipal AccountPrincipal current, Model model) {
        model.addAttribute("forced", current.mustChangePassword());
        model.addAttribute("minLength", policy.minLength());
        return "identity/password";
    }

    @PostMapping
    String change(
            @AuthenticationPrincipal AccountPrincipal current,
            PasswordForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("forced", current.mustChangePassword());
        model.addAttribute("minLength", policy.minLength());
        String next = form.newPassword() == null ? "" : form.newPassword();
        if (!next.equals(form.confirmPassword())) {
            model.addAttribute("error", errors.of("identity.password.mismatch"));
            return "identity/password";
        }
        AccountPrincipal updated;
        try {
            updated = passwords.change(current.identifier(), form.currentPassword(), next, "web");
        } catch (DomainException e) {
            String code = e.code().equals("auth.badCredentials") ? "identity.password.currentWrong" : null;
            model.addAttribute("error", code == null ? errors.of(e) : errors.of(code));
            return "identity/password";
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, AccountAuthorities.of(updated)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SessionAccountFilter.passwordChangedHere(request);
        redirect.addFlashAttribute("message", errors.text("identity.password.changed"));
        return "redirect:/";
    }
}
