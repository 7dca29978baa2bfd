package vn.partywork.member.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partywork.member.MemberStatistics;
import vn.partywork.member.MemberStats;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * The statistics page ({@code /members/stats}, issue 5 item 7): organisation and day, charts
 * drawn by {@code /js/member-stats.js} from the tables under them (the tables are the accessible
 * form and the charts' only data), the movements of a period, and the .xlsx export.
 */
@Controller
class MemberStatsController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MemberStatistics statistics;
    private final OrgStructure orgs;
    private final MessageSource messages;
    private final Clock clock;

    MemberStatsController(MemberStatistics statistics, OrgStructure orgs, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.orgs = orgs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/members/stats")
    String page(
            AccessScope scope,
            @RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        MemberStatistics.Criteria criteria = pageCriteria(org, asOf, from, to);
        model.addAttribute("criteria", criteria);
        try {
            MemberStats stats = statistics.statistics(scope, criteria);
            model.addAttribute("stats", stats);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            model.addAttribute("statsError", text("error." + e.code(), e.args()));
        }
        List<OrgSummary> choices = new ArrayList<>(statistics.roots(scope));
        for (OrgSummary o :
                orgs.search(scope, null, 0, OrgStructure.MAX_PAGE_SIZE).items()) {
            if (choices.stream().noneMatch(c -> c.id() == o.id())) {
                choices.add(o);
            }
        }
        model.addAttribute("orgChoices", choices);
        // P-AZ-3: an aggregate-only reader gets no link into the member records.
        boolean aggregateOnly = scope.isAggregateOnly(Database.ORGANISATION_MEMBER);
        model.addAttribute("aggregateOnly", aggregateOnly);
        return "members/stats";
    }

    @GetMapping("/members/stats.xlsx")
    ResponseEntity<byte[]> export(
            AccessScope scope,
            @RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        MemberStatistics.Criteria criteria = pageCriteria(org, asOf, from, to);
        byte[] file = statistics.export(scope, criteria);
        String day = (asOf == null ? LocalDate.now(clock) : asOf).format(DateTimeFormatter.BASIC_ISO_DATE);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("thong-ke-dang-vien-" + day + ".xlsx")
                                .build()
                                .toString())
                .body(file);
    }

    /** The page shows the movements since the first of January of the day's year unless told otherwise. */
    private MemberStatistics.Criteria pageCriteria(
            @Nullable Long org, @Nullable LocalDate asOf, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null && to == null && asOf != null) {
            return new MemberStatistics.Criteria(org, asOf, asOf.withDayOfYear(1), asOf);
        }
        if (from == null && to == null) {
            LocalDate today = LocalDate.now(clock);
            return new MemberStatistics.Criteria(org, null, today.withDayOfYear(1), today);
        }
        return new MemberStatistics.Criteria(org, asOf, from, to);
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
