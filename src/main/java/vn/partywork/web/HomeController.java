package vn.partywork.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import vn.partywork.access.AccountReviews;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.RequestSummary;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * Trang chủ, fitted to the account: what waits for it (the approval steps it may act on, earliest
 * due first, and the overdue ones it watches), what it may reach (its scope, grant by grant) and
 * live counts of the organisations in that scope. An organisation's account administrator sees the
 * accounts and grants of its subtree that need a look (P-ID-5). The system administrator has no
 * business data (P-ID-2) and goes straight to account management.
 */
@Controller
class HomeController {

    /** Requests listed on the home page; the rest are on "Việc cần xử lý". */
    static final int WAITING_SHOWN = 5;

    private final OrgStructure orgs;
    private final OrgDirectory directory;
    private final ApprovalRequests approvals;
    private final AccountReviews reviews;

    HomeController(OrgStructure orgs, OrgDirectory directory, ApprovalRequests approvals, AccountReviews reviews) {
        this.orgs = orgs;
        this.directory = directory;
        this.approvals = approvals;
        this.reviews = reviews;
    }

    /** One line of "Phạm vi dữ liệu": an organisation subtree and what the account may do there. */
    record ScopeLine(
            OrgSummary org,
            List<String> permissions,
            List<String> databases,
            Classification ceiling,
            boolean aggregateOnly) {}

    @GetMapping("/")
    String home(
            @AuthenticationPrincipal AccountPrincipal principal,
            AccessScope scope,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        if (principal.isSystemAdmin()) {
            return "redirect:/admin/accounts";
        }
        model.addAttribute("counts", counts(scope));
        if (htmx != null) {
            return "home :: counts";
        }
        if (principal.type() == AccountType.ORG_ADMIN && principal.homeOrgId() != null) {
            // P-ID-5: the accounts of the subtree and the grants that need a look.
            try {
                model.addAttribute("review", reviews.sheet(principal, principal.homeOrgId(), 0));
            } catch (DomainException e) {
                // Its home organisation is no longer one it manages (restructured): the menu still works.
            }
        }
        if (scope.has(Permission.APPROVE) || scope.has(Permission.WRITE)) {
            List<RequestSummary> waiting = approvals.inbox(scope);
            model.addAttribute("waiting", waiting.stream().limit(WAITING_SHOWN).toList());
            model.addAttribute("waitingTotal", waiting.size());
            model.addAttribute(
                    "waitingOverdue",
                    waiting.stream()
                            .filter(r -> r.due() != null && r.due().overdue())
                            .count());
        }
        model.addAttribute("scopeLines", scopeLines(scope));
        model.addAttribute("auditOnly", scope.has(Permission.AUDIT) && !scope.has(Permission.READ));
        // P-AZ-3: statistics only: the page offers the statistics, not the organisation tree.
        model.addAttribute("statisticsOnly", scope.has(Permission.AGGREGATE) && !scope.has(Permission.READ));
        return "home";
    }

    private Map<OrgKind, Long> counts(AccessScope scope) {
        Map<OrgKind, Long> counts = new EnumMap<>(OrgKind.class);
        for (OrgKind kind : OrgKind.values()) {
            counts.put(kind, 0L);
        }
        counts.putAll(orgs.countByKind(scope));
        return counts;
    }

    private List<ScopeLine> scopeLines(AccessScope scope) {
        List<ScopeLine> lines = new ArrayList<>();
        for (AccessScope.Entry entry : scope.entries()) {
            if (!entry.permissions().contains(Permission.READ)
                    && !entry.permissions().contains(Permission.AUDIT)
                    && !entry.aggregateOnly()) {
                continue;
            }
            OrgSummary org = organisationAt(scope, entry.path());
            if (org == null) {
                continue;
            }
            Set<String> permissions = new LinkedHashSet<>();
            for (Permission p : Permission.values()) {
                if (entry.permissions().contains(p)) {
                    permissions.add(
                            switch (p) {
                                case READ -> "Xem";
                                case WRITE -> "Cập nhật";
                                case APPROVE -> "Phê duyệt";
                                case AUDIT -> "Xem nhật ký hệ thống";
                                case AGGREGATE -> "Chỉ số liệu tổng hợp";
                            });
                }
            }
            List<String> databases = new ArrayList<>();
            if (entry.databases().containsAll(EnumSet.allOf(Database.class))) {
                databases.add("Tất cả cơ sở dữ liệu");
            } else {
                for (Database d : Database.values()) {
                    if (entry.databases().contains(d)) {
                        databases.add(d.label());
                    }
                }
            }
            lines.add(new ScopeLine(org, List.copyOf(permissions), databases, entry.ceiling(), entry.aggregateOnly()));
        }
        return lines;
    }

    /** The organisation at the root of a grant's subtree, as the caller may see it. */
    private @Nullable OrgSummary organisationAt(AccessScope scope, String path) {
        long id = Long.parseLong(path.substring(path.lastIndexOf('.') + 1));
        try {
            return orgs.organisation(scope, id, null).org();
        } catch (DomainException e) {
            // An auditor's grant names an organisation without opening its data: show it by directory.
            return directory.current(id).orElse(null);
        }
    }
}
