package vn.partywork.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.partywork.access.AccessScopes;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.notification.Notifications;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.Permission;

/** Gives every page the signed-in account and its own path, for the navigation bar. */
@ControllerAdvice
class LayoutAttributes {

    private final AccessScopes scopes;
    private final Notifications notifications;

    LayoutAttributes(AccessScopes scopes, Notifications notifications) {
        this.scopes = scopes;
        this.notifications = notifications;
    }

    /** The path of the page, to mark the active navigation link. */
    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Whether the account may read any organisation data (an auditor may not): shows the business links. */
    @ModelAttribute("readsBusinessData")
    boolean readsBusinessData() {
        if (currentUser() == null) {
            return false;
        }
        AccessScope scope = scopes.current();
        return Arrays.stream(Database.values())
                .anyMatch(d -> !scope.readablePaths(d).isEmpty());
    }

    /** P-AZ-3: whether the account sees member statistics only (an aggregate-only grant): shows the statistics link. */
    @ModelAttribute("readsStatisticsOnly")
    boolean readsStatisticsOnly() {
        return currentUser() != null && scopes.current().isAggregateOnly(Database.ORGANISATION_MEMBER);
    }

    /** Whether the account may read the audit log (an auditor): shows the audit link. */
    @ModelAttribute("readsAuditLog")
    boolean readsAuditLog() {
        return currentUser() != null && scopes.current().has(Permission.AUDIT);
    }

    /**
     * The bell next to the user menu: the account's unread notifications (none for a system
     * administrator). Not counted for the JSON API, which renders no page: a query less on every
     * API call (issue 5 item 10a, the API/SQL ratio).
     */
    @ModelAttribute("unreadNotifications")
    long unreadNotifications(HttpServletRequest request) {
        AccountPrincipal user = currentUser();
        if (user == null || user.isSystemAdmin() || requestPath(request).startsWith("/api/")) {
            return 0;
        }
        return notifications.unreadCount(user.accountId());
    }

    @ModelAttribute("currentUser")
    @Nullable
    AccountPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
    }
}
