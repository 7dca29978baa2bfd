package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.identity.NewAccount;
import vn.partywork.member.MemberTestData;
import vn.partywork.org.OrgKind;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.Multipart;
import vn.partywork.web.PageSession;

/**
 * P-AZ-3 (issue 6 item 4): an aggregate-only grant shows the statistics of its subtree with small
 * counts hidden, and every detail answers 403 {@code access.aggregateOnly}: the member and document
 * endpoints are enumerated from the running application's handler mappings, so one added tomorrow
 * is covered. A second, ordinary grant keeps detail access on its own subtree only.
 */
@PartyworkTest
class AggregateOnlyAccessTests {

    private static final List<String> DETAIL =
            List.of("/members/**", "/api/v1/members/**", "/documents/**", "/api/v1/documents/**");
    private static final List<String> STATISTICS =
            List.of("/members/stats", "/members/stats.xlsx", "/api/v1/members/stats");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final String EXPLANATION = "chỉ được xem số liệu tổng hợp";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

    @Autowired
    MutableClock clock;

    ApiClient staff;
    long hanoi;
    long committee;
    List<String> names;
    List<Long> memberIds;
    long document;

    @BeforeEach
    void fixture() {
        staff = ApiClient.as(port, "hn.tochuc");
        DemoOrgs orgs = new DemoOrgs(jdbc);
        hanoi = orgs.id(DemoOrgs.HANOI);
        committee = DemoOrgs.establish(
                staff, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ Tổng Hợp " + DemoOrgs.uniqueCode("TH"));
        long cell = DemoOrgs.establish(staff, committee, OrgKind.CELL, "Chi bộ Tổng Hợp");
        names = List.of("Trịnh Văn Khuyết", "Đoàn Thị Mẫn", "Lạc Văn Tường", "Âu Thị Dự Bị");
        memberIds = new ArrayList<>();
        for (String name : names.subList(0, 3)) {
            memberIds.add(MemberTestData.create(staff, cell, name));
        }
        // One probationary member: a count of 1 in the status breakdown.
        LocalDate today = LocalDate.now(clock);
        Reply probationary = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        names.get(3),
                        MemberTestData.citizenId(1990),
                        LocalDate.of(1990, 4, 4),
                        today.minusDays(60),
                        null));
        assertThat(probationary.status()).as("%s", probationary).isEqualTo(201);
        memberIds.add(probationary.id());
        Reply stored = staff.postMultipart(
                "/api/v1/members/" + memberIds.get(0) + "/documents",
                new Multipart()
                        .file(
                                "file",
                                "ly-lich.pdf",
                                "application/pdf",
                                SampleFiles.pdf("lý lịch " + System.nanoTime())));
        assertThat(stored.status()).as("%s", stored).isEqualTo(201);
        document = stored.id();
    }

    private AccountView aggregateReader(long orgId) {
        AccountView user = administration.createForSeeding(
                new NewAccount(
                        Fixtures.unique("tonghop"), "Lê Thị Tổng Hợp", AccountType.USER, hanoi, null, null, null),
                ApiClient.DEMO_PASSWORD);
        grants.grantForSeeding(aggregateGrant(user.id(), orgId));
        return user;
    }

    private static NewGrant aggregateGrant(long accountId, long orgId) {
        return new NewGrant(
                accountId,
                Role.VIEWER,
                orgId,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                null,
                null,
                "Phiếu khai thác (kiểm thử)",
                null,
                true);
    }

    @Test
    void theStatisticsWorkWithSmallCountsHiddenAndShowNoMember() {
        AccountView user = aggregateReader(committee);
        ApiClient api = ApiClient.as(port, user.identifier());

        Reply stats = api.get("/api/v1/members/stats?org=" + committee);
        assertThat(stats.status()).as("%s", stats).isEqualTo(200);
        assertThat(stats.<Integer>json("$.minCell")).isEqualTo(3);
        assertThat(stats.<Integer>json("$.total")).isEqualTo(4);
        // Probationary 1 is below the threshold; official 3 would give it away (total minus 3): both hidden.
        List<Map<String, Object>> status = stats.json("$.breakdowns[?(@.key == 'status')].rows[*]");
        assertThat(status).hasSize(2).allMatch(row -> row.get("count") == null);
        assertThat(stats.body()).doesNotContain(names.get(0)).doesNotContain("\"memberId\"");
        // The subtree is the grant's: Hà Nội's figures are not.
        assertThat(api.get("/api/v1/members/stats?org=" + hanoi).status()).isEqualTo(404);

        PageSession pages = PageSession.login(port, user.identifier());
        PageSession.Page page = pages.get("/members/stats?org=" + committee);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body())
                .contains("chỉ xem số liệu tổng hợp")
                .contains("Đảng bộ Tổng Hợp")
                .doesNotContain("href=\"/members\"")
                .doesNotContain("href=\"/members?");
        for (String name : names) {
            assertThat(page.body()).doesNotContain(name);
        }
        for (long id : memberIds) {
            assertThat(page.body()).doesNotContain("/members/" + id).doesNotContain("/api/v1/members/" + id);
        }
        assertThat(pages.get("/members/stats").status())
                .as("the first subtree by default")
                .isEqualTo(200);
        HttpResponse<byte[]> xlsx = pages.download("/members/stats.xlsx?org=" + committee);
        assertThat(xlsx.statusCode()).isEqualTo(200);

        // The home page and the menu lead to the statistics, not to the organisation tree.
        PageSession.Page home = pages.get("/");
        assertThat(home.body())
                .contains("Chỉ số liệu tổng hợp")
                .contains("Xem thống kê đảng viên")
                .contains("Thống kê đảng viên")
                .doesNotContain("href=\"/orgs/" + committee + "\"");
    }

    @Test
    void everyMemberAndDocumentEndpointAnswers403WithItsReasonAndChangesNothing() {
        List<Endpoint> endpoints = detailEndpoints();
        assertThat(endpoints)
                .as("the enumeration sees the detail endpoints")
                .contains(
                        new Endpoint("GET", "/members"),
                        new Endpoint("GET", "/api/v1/members"),
                        new Endpoint("GET", "/members/{id}"),
                        new Endpoint("GET", "/api/v1/members/{id}"),
                        new Endpoint("GET", "/members/export"),
                        new Endpoint("GET", "/api/v1/members/export"),
                        new Endpoint("POST", "/members/import"),
                        new Endpoint("POST", "/api/v1/members/import"),
                        new Endpoint("GET", "/documents/{id}"),
                        new Endpoint("GET", "/api/v1/documents/{id}"));
        AccountView user = aggregateReader(committee);
        ApiClient api = ApiClient.as(port, user.identifier());
        PageSession pages = PageSession.login(port, user.identifier());
        MemberTestData data = new MemberTestData(jdbc);
        long members = data.memberCount();
        long memberships = data.membershipCount();

        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String url = fill(endpoint.pattern());
            if (endpoint.api()) {
                Reply reply = api.send(endpoint.method(), url, endpoint.method().equals("GET") ? null : "{}");
                if (reply.status() == 415) {
                    reply = api.postMultipart(url, new Multipart().field("note", "x"));
                }
                if (reply.status() != 403 || !reply.body().contains("\"code\":\"access.aggregateOnly\"")) {
                    leaks.add(endpoint + " → " + reply.status() + " " + head(reply.body()));
                }
            } else {
                PageSession.Page reply =
                        endpoint.method().equals("GET") ? pages.get(url) : pages.post(url, Map.of("note", "x"));
                if (reply.status() != 403 || !reply.body().contains(EXPLANATION)) {
                    leaks.add(endpoint + " → " + reply.status() + " " + reply.location() + " " + head(reply.body()));
                }
            }
        }
        assertThat(leaks)
                .as("detail endpoints an aggregate-only reader reaches")
                .isEmpty();
        assertThat(data.memberCount()).isEqualTo(members);
        assertThat(data.membershipCount()).isEqualTo(memberships);

        // The same requests are open to the staff who read the subtree (the 403 is the grant's, not the path's).
        assertThat(staff.get("/api/v1/members/" + memberIds.get(0)).status()).isEqualTo(200);
        assertThat(staff.get("/api/v1/documents/" + document).status()).isEqualTo(200);
    }

    @Test
    void aReaderOfOneSubtreeWithAnAggregateGrantOnAnotherKeepsDetailOnTheFirstOnly() {
        long other = DemoOrgs.establish(
                staff, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ Chi Tiết " + DemoOrgs.uniqueCode("CT"));
        long otherCell = DemoOrgs.establish(staff, other, OrgKind.CELL, "Chi bộ Chi Tiết");
        long readable = MemberTestData.create(staff, otherCell, "Khổng Văn Đọc Được");
        AccountView user = aggregateReader(committee);
        grants.grantForSeeding(new NewGrant(
                user.id(),
                Role.VIEWER,
                other,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                null,
                null,
                "Quyết định (kiểm thử)",
                null));
        ApiClient api = ApiClient.as(port, user.identifier());

        assertThat(api.get("/api/v1/members/" + readable).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/members/" + memberIds.get(0)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents/" + document).status()).isIn(403, 404);
        Reply found = api.get("/api/v1/members?q=" + URLEncoder.encode("Khổng Văn Đọc Được", StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("Khổng Văn Đọc Được");
        Reply hidden = api.get("/api/v1/members?q=" + URLEncoder.encode("Trịnh Văn Khuyết", StandardCharsets.UTF_8));
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body()).doesNotContain("Trịnh Văn Khuyết");

        Reply full = api.get("/api/v1/members/stats?org=" + other);
        assertThat(full.<Integer>json("$.minCell"))
                .as("detail reader: nothing hidden")
                .isZero();
        Reply suppressed = api.get("/api/v1/members/stats?org=" + committee);
        assertThat(suppressed.<Integer>json("$.minCell")).isEqualTo(3);

        PageSession pages = PageSession.login(port, user.identifier());
        assertThat(pages.get("/members").status()).isEqualTo(200);
        assertThat(pages.get("/members/" + memberIds.get(0)).status()).isEqualTo(404);
    }

    record Endpoint(String method, String pattern) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> detailEndpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        AntPathMatcher matcher = new AntPathMatcher();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (DETAIL.stream().noneMatch(d -> matcher.match(d, pattern)) || STATISTICS.contains(pattern)) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                        endpoints.add(new Endpoint("POST", pattern));
                    }
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                }
            }
        }
        return endpoints.stream()
                .sorted(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method))
                .toList();
    }

    /** Real ids, so a handler would find something if the refusal let the request through. */
    private String fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        Set<String> unknown = new TreeSet<>();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id" -> Long.toString(pattern.contains("/documents/") ? document : memberIds.get(0));
                case "shareId" ->
                    Long.toString(jdbc.sql("SELECT coalesce(max(id), 1) FROM access.record_share")
                            .query(Long.class)
                            .single());
                default -> {
                    unknown.add(m.group(1));
                    yield "1";
                }
            };
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        assertThat(unknown)
                .as("give a real sample value for the path variables of " + pattern)
                .isEmpty();
        return url.toString();
    }

    private static String head(String body) {
        return body.substring(0, Math.min(200, body.length()));
    }
}
