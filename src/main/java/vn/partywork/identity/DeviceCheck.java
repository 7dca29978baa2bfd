package vn.partywork.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partywork.identity.internal.DeviceStore;
import vn.partywork.identity.internal.TokenHashes;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * P-ID-7: classified data (Mật and above) is given only to a registered, active, unexpired device
 * whose credential is bound to the account asking, even when the account's credentials and grants
 * are valid. Modules that serve classified records or files call {@link #requirePermitted} before
 * they answer. The browser sends the credential as the {@value #COOKIE} cookie (set by
 * {@code /account/device}); API clients send it in the {@value #HEADER} header.
 */
@Service
public class DeviceCheck {

    public static final String COOKIE = "PW_DEVICE";
    public static final String HEADER = "X-Partywork-Device";

    private final DeviceStore devices;
    private final Clock clock;

    DeviceCheck(DeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** Whether the credential belongs to a device permitted now for this account. */
    public boolean permitted(long accountId, @Nullable String credential) {
        if (credential == null || credential.isBlank()) {
            return false;
        }
        return devices.byCredential(TokenHashes.sha256(credential.strip()))
                .filter(d -> d.holderId() == accountId)
                .filter(d -> d.status() == DeviceStatus.ACTIVE)
                .filter(d -> d.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }

    /**
     * Refuses ({@code identity.device.notPermitted}, 403) data at {@code classification} Mật or above
     * unless the current request comes from a device permitted for the account; unclassified data
     * passes from any device.
     */
    public void requirePermitted(AccountPrincipal account, Classification classification) {
        requirePermitted(account.accountId(), classification);
    }

    /** As {@link #requirePermitted(AccountPrincipal, Classification)}, for callers that hold the account id. */
    public void requirePermitted(long accountId, Classification classification) {
        if (classification.atMost(Classification.UNCLASSIFIED)) {
            return;
        }
        if (!permitted(accountId, credentialOfCurrentRequest())) {
            throw DomainException.forbidden("identity.device.notPermitted");
        }
    }

    /** The device credential the current request carries, if any (cookie first, then header). */
    public static @Nullable String credentialOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return request.getHeader(HEADER);
    }

    private static @Nullable String credentialOfCurrentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? credentialOf(attributes.getRequest())
                : null;
    }
}
