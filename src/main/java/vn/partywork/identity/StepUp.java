package vn.partywork.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.shared.DomainException;

/**
 * ASVS 5.0 7.5.3 step-up: a sensitive operation (changing grants) by an account with a second
 * factor needs a code entered within the last {@link #FRESHNESS}: in the web session (the code at
 * sign-in or on {@code /account/step-up}), or for an API client in the {@value #HEADER} header of
 * the request itself. Accounts without a second factor are not asked (where MFA is mandatory they
 * cannot get this far without enrolling).
 */
@Service
public class StepUp {

    public static final Duration FRESHNESS = Duration.ofMinutes(5);
    public static final String HEADER = "X-Partywork-Otp";
    public static final String SESSION_ATTRIBUTE = StepUp.class.getName() + ".verifiedAt";

    private final MultiFactorService mfa;
    private final Clock clock;

    StepUp(MultiFactorService mfa, Clock clock) {
        this.mfa = mfa;
        this.clock = clock;
    }

    /**
     * Passes when the account has no second factor or entered a code recently enough; otherwise
     * throws {@code auth.stepUpRequired} (403), or the code's own refusal when the header carries a
     * wrong one (it counts toward the lock-out like at sign-in).
     */
    public void require(AccountPrincipal account) {
        if (!mfa.enrolled(account.accountId())) {
            return;
        }
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
        if (request == null) {
            throw DomainException.forbidden("auth.stepUpRequired");
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SESSION_ATTRIBUTE) instanceof Instant verified
                && verified.plus(FRESHNESS).isAfter(clock.instant())) {
            return;
        }
        String code = request.getHeader(HEADER);
        if (session == null && code != null && !code.isBlank()) {
            mfa.verify(account, code, "api");
            return;
        }
        throw DomainException.forbidden("auth.stepUpRequired");
    }

    /** The web session has just verified a code (sign-in or the step-up page). */
    public void verifiedNow(@Nullable HttpSession session) {
        if (session != null) {
            session.setAttribute(SESSION_ATTRIBUTE, clock.instant());
        }
    }

    /** Checks a code for the step-up page and records it in the session; the code's refusal otherwise. */
    public void verify(AccountPrincipal account, @Nullable String code, HttpSession session) {
        mfa.verify(account, code, "web");
        verifiedNow(session);
    }
}
