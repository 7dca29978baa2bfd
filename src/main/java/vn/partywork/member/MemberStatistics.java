package vn.partywork.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.catalogue.Catalogues;
import vn.partywork.identity.Accounts;
import vn.partywork.member.internal.stats.MemberStatsQueries;
import vn.partywork.member.internal.stats.MemberStatsQueries.Dimension;
import vn.partywork.member.internal.stats.MemberStatsSheet;
import vn.partywork.member.internal.stats.StatsSettings;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Member statistics of a subtree (issue 5 item 7, P-RP-1). Who may ask: staff who read
 * {@code ORGANISATION_MEMBER} over the organisation; anything else answers
 * {@code member.org.notFound} like a missing id (the whole country only for a central grant).
 * Reading records one READ event with the criteria (no per-member reads: nobody's record is
 * shown); an export records one EXPORT.
 */
@Service
public class MemberStatistics {

    static final String TARGET = "member-statistics";

    private final MemberStatsQueries queries;
    private final MemberStatsSheet sheet;
    private final StatsSettings settings;
    private final OrgDirectory orgs;
    private final Catalogues catalogues;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    MemberStatistics(
            MemberStatsQueries queries,
            MemberStatsSheet sheet,
            StatsSettings settings,
            OrgDirectory orgs,
            Catalogues catalogues,
            Accounts accounts,
            AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.sheet = sheet;
        this.settings = settings;
        this.orgs = orgs;
        this.catalogues = catalogues;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What to count: an organisation (null: the caller's first subtree), a day, an optional period. */
    public record Criteria(
            @Nullable Long orgId,
            @Nullable LocalDate asOf,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    /** The statistics; one READ audit event with the criteria. */
    @Transactional(readOnly = true)
    public MemberStats statistics(AccessScope scope, Criteria criteria) {
        MemberStats stats = forReader(scope, compute(scope, criteria));
        audit.record(event(AuditAction.READ, scope, stats).build());
        return stats;
    }

    /**
     * The statistics with small cells hidden below {@code partywork.stats.min-cell} (P-AZ-3), whoever
     * asks. {@link #statistics} and {@link #export} already hide them for a caller whose grant on
     * the organisation is aggregate-only.
     */
    @Transactional(readOnly = true)
    public MemberStats aggregateOnly(AccessScope scope, Criteria criteria) {
        MemberStats stats = compute(scope, criteria).suppress(settings.minCell());
        audit.record(event(AuditAction.READ, scope, stats).build());
        return stats;
    }

    /** The statistics as an .xlsx workbook that says who exported it and when; one EXPORT event. */
    @Transactional(readOnly = true)
    public byte[] export(AccessScope scope, Criteria criteria) {
        MemberStats stats = forReader(scope, compute(scope, criteria));
        String who = accounts.byId(scope.accountId())
                .map(a -> a.displayName() + " (" + a.identifier() + ")")
                .orElse(scope.identifier());
        byte[] file = sheet.write(stats, who, clock.instant());
        audit.record(event(AuditAction.EXPORT, scope, stats)
                .detail("format", "xlsx")
                .detail("bytes", file.length)
                .build());
        return file;
    }

    /** The organisations the caller may choose (the roots of their readable subtrees). */
    @Transactional(readOnly = true)
    public List<OrgSummary> roots(AccessScope scope) {
        return paths(scope).stream()
                .map(p -> orgs.current(Long.parseLong(p.substring(p.lastIndexOf('.') + 1))))
                .flatMap(Optional::stream)
                .toList();
    }

    private MemberStats compute(AccessScope scope, Criteria criteria) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = criteria.asOf() == null ? today : criteria.asOf();
        if (asOf.isAfter(today)) {
            throw DomainException.invalid("member.stats.asOfInFuture");
        }
        if ((criteria.from() == null) != (criteria.to() == null)) {
            throw DomainException.invalid("member.stats.periodIncomplete");
        }
        if (criteria.from() != null && criteria.from().isAfter(criteria.to())) {
            throw DomainException.invalid("member.stats.periodReversed");
        }
        List<String> paths = paths(scope);
        if (paths.isEmpty()) {
            // Nothing to count anywhere (a member's own account, an account manager, an auditor): say
            // so, rather than "organisation not found" for a page reached from its address.
            throw DomainException.forbidden("member.stats.noScope");
        }
        OrgSummary org = (criteria.orgId() == null
                        ? roots(scope).stream().findFirst()
                        : orgs.current(criteria.orgId())
                                .filter(o -> paths.stream().anyMatch(root -> AccessScope.isWithin(o.path(), root))))
                .orElseThrow(() -> DomainException.notFound("member.org.notFound"));

        MemberStatsQueries.Counts counts = queries.counts(org.path(), asOf, today);
        List<MemberStats.Breakdown> breakdowns = new ArrayList<>();
        Map<Dimension, Map<String, Long>> by = counts.byDimension();
        breakdowns.add(new MemberStats.Breakdown(
                "status",
                "Theo trạng thái",
                List.of(
                        row(by, Dimension.STATUS, MemberStatus.OFFICIAL.name(), MemberStatus.OFFICIAL.label()),
                        row(
                                by,
                                Dimension.STATUS,
                                MemberStatus.PROBATIONARY.name(),
                                MemberStatus.PROBATIONARY.label()))));
        breakdowns.add(new MemberStats.Breakdown(
                "gender",
                "Theo giới tính",
                List.of(
                        row(by, Dimension.GENDER, Gender.MALE.name(), Gender.MALE.label()),
                        row(by, Dimension.GENDER, Gender.FEMALE.name(), Gender.FEMALE.label()))));
        List<MemberStats.Row> ages = new ArrayList<>();
        int[] bounds = MemberStatsQueries.AGE_BOUNDS;
        for (int i = 0; i <= bounds.length; i++) {
            String label = i == 0
                    ? "Từ 18 đến " + bounds[0] + " tuổi"
                    : i == bounds.length
                            ? "Trên " + bounds[i - 1] + " tuổi"
                            : "Từ " + (bounds[i - 1] + 1) + " đến " + bounds[i] + " tuổi";
            ages.add(row(by, Dimension.AGE_BAND, String.valueOf(i), label));
        }
        breakdowns.add(new MemberStats.Breakdown("age", "Theo độ tuổi", ages));
        breakdowns.add(catalogue(by, Dimension.ETHNICITY, "ethnicity", "Theo dân tộc", "ethnicity", asOf));
        breakdowns.add(catalogue(by, Dimension.RELIGION, "religion", "Theo tôn giáo", "religion", asOf));
        breakdowns.add(catalogue(
                by,
                Dimension.GENERAL_EDUCATION,
                "generalEducation",
                "Theo trình độ giáo dục phổ thông",
                "general-education",
                asOf));
        breakdowns.add(catalogue(
                by,
                Dimension.PROFESSIONAL_DEGREE,
                "professionalDegree",
                "Theo trình độ chuyên môn",
                "professional-degree",
                asOf));
        breakdowns.add(catalogue(
                by,
                Dimension.POLITICAL_THEORY,
                "politicalTheory",
                "Theo trình độ lý luận chính trị",
                "political-theory",
                asOf));
        List<MemberStats.Row> cohorts = new ArrayList<>();
        by.get(Dimension.ADMISSION_COHORT).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    int decade = Integer.parseInt(e.getKey());
                    cohorts.add(new MemberStats.Row(e.getKey(), decade + "–" + (decade + 9), e.getValue()));
                });
        breakdowns.add(new MemberStats.Breakdown("cohort", "Theo thời kỳ vào Đảng", cohorts));

        MemberStats.Period period = null;
        if (criteria.from() != null) {
            MemberStatsQueries.Movements m = queries.movements(org.path(), criteria.from(), criteria.to());
            List<MemberStats.Row> rows = new ArrayList<>(List.of(
                    new MemberStats.Row("ADMITTED", "Kết nạp mới", m.admitted()),
                    new MemberStats.Row("CONFIRMED", "Công nhận đảng viên chính thức", m.confirmed()),
                    new MemberStats.Row("TRANSFERRED_IN", "Chuyển sinh hoạt đến", m.transferredIn()),
                    new MemberStats.Row("TRANSFERRED_OUT", "Chuyển sinh hoạt đi", m.transferredOut())));
            // Item 7: deaths, removals, expulsions and leavings are always listed (0 too), other endings when any.
            Map<String, Long> ended = new LinkedHashMap<>();
            for (MemberStatus s :
                    List.of(MemberStatus.DECEASED, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.LEFT)) {
                ended.put(s.name(), 0L);
            }
            ended.putAll(m.endedByStatus());
            ended.forEach((status, n) -> rows.add(new MemberStats.Row("ENDED_" + status, endedLabel(status), n)));
            period = new MemberStats.Period(criteria.from(), criteria.to(), rows);
        }
        return new MemberStats(org.id(), org.name(), asOf, counts.total(), breakdowns, period, 0);
    }

    /** An ending counted by the member's status now (the life events set it: đã từ trần, khai trừ, …). */
    private static String endedLabel(String status) {
        for (MemberStatus s : MemberStatus.values()) {
            if (s.name().equals(status)) {
                return s == MemberStatus.OFFICIAL || s == MemberStatus.PROBATIONARY
                        ? "Thôi sinh hoạt trong phạm vi (khác)"
                        : "Ra khỏi danh sách: " + s.label();
            }
        }
        return "Ra khỏi danh sách: " + status;
    }

    private MemberStats.Breakdown catalogue(
            Map<Dimension, Map<String, Long>> by,
            Dimension dimension,
            String key,
            String title,
            String catalogueCode,
            LocalDate asOf) {
        CatalogueVersion version = catalogues.asOf(catalogueCode, asOf);
        Map<String, Long> counts = by.get(dimension);
        List<MemberStats.Row> rows = new ArrayList<>();
        for (CatalogueEntry entry : version.entries()) {
            Long n = counts.get(entry.code());
            if (n != null) {
                rows.add(new MemberStats.Row(entry.code(), entry.name(), n));
            }
        }
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            boolean listed = e.getKey().isEmpty()
                    || version.entries().stream().anyMatch(x -> x.code().equals(e.getKey()));
            if (!listed) {
                // A code no longer in the catalogue of that day still counts, under its code.
                rows.add(new MemberStats.Row(e.getKey(), "Mã " + e.getKey(), e.getValue()));
            }
        }
        Long missing = counts.get("");
        if (missing != null) {
            rows.add(new MemberStats.Row("", "Chưa có thông tin", missing));
        }
        return new MemberStats.Breakdown(key, title, rows);
    }

    private static MemberStats.Row row(
            Map<Dimension, Map<String, Long>> by, Dimension dimension, String code, String label) {
        return new MemberStats.Row(code, label, by.get(dimension).getOrDefault(code, 0L));
    }

    /**
     * P-AZ-3: a caller who does not read the organisation's records (it holds an aggregate-only grant
     * there) gets the figures with small cells hidden.
     */
    private MemberStats forReader(AccessScope scope, MemberStats stats) {
        boolean reads = orgs.current(stats.orgId())
                .filter(o -> scope.canRead(Database.ORGANISATION_MEMBER, o.path()))
                .isPresent();
        return reads ? stats : stats.suppress(settings.minCell());
    }

    /** P-AZ-3: statistics reach where the caller reads the records and where it holds an aggregate-only grant. */
    private List<String> paths(AccessScope scope) {
        return scope.selfService() ? List.of() : scope.statisticsPaths(Database.ORGANISATION_MEMBER);
    }

    private static AuditEvent.Builder event(AuditAction action, AccessScope scope, MemberStats stats) {
        AuditEvent.Builder event = AuditEvent.of(action, TARGET, stats.orgId())
                .actorIdentifier(scope.identifier())
                .detail("org", stats.orgId())
                .detail("asOf", stats.asOf().toString());
        if (stats.period() != null) {
            event.detail("from", stats.period().from().toString())
                    .detail("to", stats.period().to().toString());
        }
        if (stats.minCell() > 0) {
            event.detail("minCell", stats.minCell());
        }
        return event;
    }
}
