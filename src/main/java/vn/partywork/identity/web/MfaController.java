package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.StepUp;
import vn.partywork.identity.internal.LoginService;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.MultiFactorService.NewSecret;
import vn.partywork.shared.DomainException;

/**
 * P-ID-4: the second login step ({@code /login/otp}, "Nhập mã xác thực") and enrolment of an
 * authenticator app ({@code /account/mfa}). Spring Security 7's built-in multi-factor support
 * ({@code @EnableMultiFactorAuthentication}, {@code FactorGrantedAuthority}) has factors for
 * passwords, one-time tokens sent as links and WebAuthn, not TOTP, and requires the factors through
 * the authorization rules for every account; here the second factor is per account (mandatory for
 * some, optional for others, absent until enrolled) and the API issues tokens in one request. So
 * this step keeps the existing form login and adds one session state ({@link SecondFactorPending})
 * that {@link SessionAccountFilter} confines to this page.
 */
@Controller
class MfaController {

    /** The secret being enrolled lives only in the session until the first code confirms it. */
    static final String NEW_SECRET = MfaController.class.getName() + ".newSecret";

    private final MultiFactorService mfa;
    private final LoginService login;
    private final ErrorTexts errors;
    private final StepUp stepUp;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    MfaController(MultiFactorService mfa, LoginService login, ErrorTexts errors, StepUp stepUp) {
        this.stepUp = stepUp;
        this.mfa = mfa;
        this.login = login;
        this.errors = errors;
    }

    @GetMapping("/login/otp")
    String codePage(@RequestParam(required = false) @Nullable String error, Model model) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending)) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", "login.otp.error.invalid");
        }
        return "identity/otp";
    }

    @PostMapping("/login/otp")
    String enterCode(
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof SecondFactorPending pending)) {
            return "redirect:/";
        }
        AccountPrincipal account = pending.account();
        try {
            mfa.verify(account, code, "web");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.UNAUTHENTICATED) {
                return "redirect:/login/otp?error";
            }
            // Locked (now or meanwhile) or deactivated: this half-signed-in session ends.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            request.getSession(true);
            return "redirect:/login?error=" + (e.code().equals("auth.disabled") ? "disabled" : "locked");
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account, null, AccountAuthorities.of(account)));
        SecurityContextHolder.setContext(context);
        // A new session id for the newly privileged session, as after the password.
        request.changeSessionId();
        repository.saveContext(context, request, response);
        stepUp.verifiedNow(request.getSession(false));
        login.loggedIn(account, "web");
        return "redirect:/";
    }

    /** ASVS 5.0 7.5.3: a fresh code before a sensitive operation; {@code next} is where to go back. */
    @GetMapping("/account/step-up")
    String stepUpPage(
            @AuthenticationPrincipal AccountPrincipal account,
            @RequestParam(required = false) @Nullable String next,
            Model model) {
        if (!mfa.enrolled(account.accountId())) {
            return "redirect:" + local(next);
        }
        model.addAttribute("next", local(next));
        return "identity/step-up";
    }

    @PostMapping("/account/step-up")
    String stepUp(
            @AuthenticationPrincipal AccountPrincipal account,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request,
            Model model) {
        if (!mfa.enrolled(account.accountId())) {
            // As the page itself: an account without a second factor has no code to give (a post
            // from it answered 500, found by the security suite's access matrix).
            return "redirect:" + local(next);
        }
        try {
            stepUp.verify(account, code, request.getSession());
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.UNAUTHENTICATED) {
                // Locked by this failure (or meanwhile): the session ends as on the sign-in code page.
                request.getSession().invalidate();
                SecurityContextHolder.clearContext();
                request.getSession(true);
                return "redirect:/login?error=locked";
            }
            model.addAttribute("next", local(next));
            model.addAttribute("error", errors.of(e));
            return "identity/step-up";
        }
        return "redirect:" + local(next);
    }

    /** Only a path of this application, never another site. */
    private static String local(@Nullable String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }

    @GetMapping("/account/mfa")
    String enrolment(
            @AuthenticationPrincipal AccountPrincipal account,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        boolean enrolled = mfa.enrolled(account.accountId());
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("mandatory", mfa.mandatory(account));
        if (enrolled) {
            model.addAttribute("recoveryCodesLeft", mfa.recoveryCodesLeft(account.accountId()));
        } else {
            NewSecret secret = session.getAttribute(NEW_SECRET) instanceof NewSecret s ? s : mfa.newSecret(account);
            session.setAttribute(NEW_SECRET, secret);
            showSecret(secret, model);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return "identity/mfa";
    }

    @PostMapping("/account/mfa")
    String enrol(
            @AuthenticationPrincipal AccountPrincipal account,
            @RequestParam(required = false) @Nullable String code,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        if (!(session.getAttribute(NEW_SECRET) instanceof NewSecret secret) || mfa.enrolled(account.accountId())) {
            return "redirect:/account/mfa";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("mandatory", mfa.mandatory(account));
        try {
            List<String> recoveryCodes = mfa.enrol(account, secret.secret(), code);
            session.removeAttribute(NEW_SECRET);
            model.addAttribute("enrolled", true);
            model.addAttribute("recoveryCodes", recoveryCodes);
        } catch (DomainException e) {
            model.addAttribute("enrolled", false);
            showSecret(secret, model);
            model.addAttribute("error", errors.of(e));
        }
        return "identity/mfa";
    }

    /** P-ID-4: the QR code of the otpauth URI and the secret in groups of four for manual entry. */
    private static void showSecret(NewSecret secret, Model model) {
        model.addAttribute("secret", secret);
        model.addAttribute("groupedSecret", QrSvg.grouped(secret.secret()));
        model.addAttribute("qrSvg", QrSvg.of(secret.uri(), "Mã QR cấu hình ứng dụng xác thực"));
    }
}
