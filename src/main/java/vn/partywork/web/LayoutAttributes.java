package vn.partywork.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
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
    private final ApplicationAvailability availability;

    LayoutAttributes(AccessScopes scopes, Notifications notifications, ApplicationAvailability availability) {
        this.scopes = scopes;
        this.notifications = notifications;
        this.availability = availability;
    }

    /**
     * The same attributes for a view that an exception handler chooses: Spring runs no
     * {@code @ModelAttribute} method for those, and the error page would lose the menu, the user
     * and the sign-out.
     */
    void addTo(Model model, HttpServletRequest request) {
        model.addAttribute("requestPath", requestPath(request));
        model.addAttribute("readsBusinessData", readsBusinessData());
        model.addAttribute("readsStatisticsOnly", readsStatisticsOnly());
        model.addAttribute("readsAuditLog", readsAuditLog());
        model.addAttribute("unreadNotifications", unreadNotifications(request));
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("systemStarting", systemStarting());
    }

    /** Until the application is ready ({@link StartupGate}): the login page says the system is starting. */
    @ModelAttribute("systemStarting")
    boolean systemStarting() {
        return availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC;
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
