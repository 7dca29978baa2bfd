package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberStatistics;
import vn.partywork.member.MemberStats;
import vn.partywork.member.MemberTestData;
import vn.partywork.org.OrgKind;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Permission;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * Member statistics (issue 5 item 7) on a subtree made here: a grassroots committee with two cells
 * and four members, one of whom moved between the cells. Counts as of several days, the movements
 * of a period, scope isolation, the export, small-cell suppression and the JSON shape.
 */
@PartyworkTest
class MemberStatsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MemberStatistics statistics;

    ApiClient staff;
    LocalDate today;
    long committee;
    long cellX;
    long cellY;

    @BeforeEach
    void fixture() {
        staff = ApiClient.as(port, "hn.tochuc");
        today = LocalDate.now(clock);
        DemoOrgs orgs = new DemoOrgs(jdbc);
        committee = DemoOrgs.establish(
                staff,
                orgs.id(DemoOrgs.HANOI),
                OrgKind.GRASSROOTS_COMMITTEE,
                "Đảng bộ Thống Kê " + DemoOrgs.uniqueCode("T"));
        cellX = DemoOrgs.establish(staff, committee, OrgKind.CELL, "Chi bộ Thống Kê X");
        cellY = DemoOrgs.establish(staff, committee, OrgKind.CELL, "Chi bộ Thống Kê Y");
        // A: man, Kinh, born 1980, admitted 2005, official 2006; moved from X to Y on 10/01/2024.
        long a = member(
                cellX,
                "Lê Văn Thống",
                "MALE",
                LocalDate.of(1980, 5, 5),
                "01",
                "00",
                null,
                LocalDate.of(2005, 5, 5),
                LocalDate.of(2006, 5, 5));
        // B: woman, Tày, Buddhist, born 1995, admitted 2020, official 2021, intermediate theory.
        member(
                cellX,
                "Hoàng Thị Kê",
                "FEMALE",
                LocalDate.of(1995, 7, 1),
                "02",
                "01",
                "TC",
                LocalDate.of(2020, 3, 1),
                LocalDate.of(2021, 3, 15));
        // C: man, born 1960, admitted 1985, official 1986.
        member(
                cellX,
                "Trần Văn Số",
                "MALE",
                LocalDate.of(1960, 3, 3),
                "01",
                "00",
                "CC",
                LocalDate.of(1985, 1, 10),
                LocalDate.of(1986, 2, 1));
        // D: woman, born 2000, admitted sixty days ago: probationary, in Y.
        member(cellY, "Phạm Thị Liệu", "FEMALE", LocalDate.of(2000, 2, 2), "01", "00", null, today.minusDays(60), null);
        Reply moved = staff.send("PUT", "/api/v1/members/" + a, """
                {"version": 0, "cellId": %d, "effectiveOn": "2024-01-10", "basis": "Chuyển sinh hoạt đảng trong đảng bộ"}
                """.formatted(cellY));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    }

    long member(
            long cell,
            String name,
            String gender,
            LocalDate birth,
            String ethnicity,
            String religion,
            String theory,
            LocalDate admission,
            LocalDate official) {
        int century = birth.getYear() / 100 - 19;
        String citizenId = MemberTestData.citizenId(birth.getYear());
        citizenId =
                citizenId.substring(0, 3) + (century * 2 + (gender.equals("FEMALE") ? 1 : 0)) + citizenId.substring(4);
        Reply reply = staff.post("/api/v1/members", """
                {"cellId": %d, "status": "%s", "source": "DIGITISED_PAPER", "fields": {
                  "fullName": "%s", "gender": "%s", "birthDate": "%s", "ethnicity": "%s", "religion": "%s",
                  "citizenId": "%s", "admissionDate": "%s" %s %s}}
                """.formatted(
                        cell,
                        official == null ? "PROBATIONARY" : "OFFICIAL",
                        name,
                        gender,
                        birth,
                        ethnicity,
                        religion,
                        citizenId,
                        admission,
                        official == null ? "" : ", \"officialDate\": \"" + official + "\"",
                        theory == null ? "" : ", \"politicalTheory\": \"" + theory + "\""));
        assertThat(reply.status()).as("create %s: %s", name, reply).isEqualTo(201);
        return reply.id();
    }

    Reply stats(ApiClient client, String query) {
        return client.get("/api/v1/members/stats?" + query);
    }

    static Map<String, Object> rows(Reply reply, String key) {
        List<Map<String, Object>> rows = reply.json("$.breakdowns[?(@.key == '" + key + "')].rows[*]");
        Map<String, Object> byLabel = new LinkedHashMap<>();
        rows.forEach(r -> byLabel.put((String) r.get("label"), r.get("count")));
        return byLabel;
    }

    static Map<String, Object> movements(Reply reply) {
        List<Map<String, Object>> rows = reply.json("$.period.movements[*]");
        Map<String, Object> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put((String) r.get("code"), r.get("count")));
        return byCode;
    }

    @Test
    void countsTheSubtreeAsOfADayFromTheMembershipHistory() {
        Reply now = stats(staff, "org=" + committee);
        assertThat(now.status()).as("%s", now).isEqualTo(200);
        assertThat(now.<Integer>json("$.total")).isEqualTo(4);
        assertThat(rows(now, "status")).containsExactly(Map.entry("Chính thức", 3), Map.entry("Dự bị", 1));
        assertThat(rows(now, "gender")).containsExactly(Map.entry("Nam", 2), Map.entry("Nữ", 2));
        assertThat(rows(now, "ethnicity")).containsExactly(Map.entry("Kinh", 3), Map.entry("Tày", 1));
        assertThat(rows(now, "religion")).containsExactly(Map.entry("Không", 3), Map.entry("Phật giáo", 1));
        assertThat(rows(now, "politicalTheory"))
                .containsExactly(Map.entry("Trung cấp", 1), Map.entry("Cao cấp", 1), Map.entry("Chưa có thông tin", 2));
        assertThat(rows(now, "cohort"))
                .containsExactly(Map.entry("1980–1989", 1), Map.entry("2000–2009", 1), Map.entry("2020–2029", 2));
        Map<String, Object> ages = rows(now, "age");
        assertThat(ages.values().stream().mapToInt(v -> (Integer) v).sum()).isEqualTo(4);
        assertThat(ages).containsEntry("Từ 18 đến 30 tuổi", 1).containsEntry("Từ 31 đến 40 tuổi", 1);

        // 01/06/2020: D not yet admitted, B probationary; ages as they were then (A was 40, C 60).
        Reply past = stats(staff, "org=" + committee + "&asOf=2020-06-01");
        assertThat(past.<Integer>json("$.total")).isEqualTo(3);
        assertThat(rows(past, "status")).containsExactly(Map.entry("Chính thức", 2), Map.entry("Dự bị", 1));
        assertThat(rows(past, "age"))
                .containsEntry("Từ 18 đến 30 tuổi", 1)
                .containsEntry("Từ 31 đến 40 tuổi", 1)
                .containsEntry("Từ 51 đến 60 tuổi", 1)
                .containsEntry("Từ 41 đến 50 tuổi", 0);
        assertThat(stats(staff, "org=" + committee + "&asOf=2005-01-01").<Integer>json("$.total"))
                .isEqualTo(1);

        // A counts in X until the move and in Y from it.
        assertThat(stats(staff, "org=" + cellX + "&asOf=2024-01-09").<Integer>json("$.total"))
                .isEqualTo(3);
        assertThat(stats(staff, "org=" + cellX + "&asOf=2024-01-10").<Integer>json("$.total"))
                .isEqualTo(2);
        assertThat(stats(staff, "org=" + cellX).<Integer>json("$.total")).isEqualTo(2);
        assertThat(stats(staff, "org=" + cellY).<Integer>json("$.total")).isEqualTo(2);
    }

    @Test
    void theMovementsOfAPeriodComeFromTheHistory() {
        Reply y2020 = stats(staff, "org=" + committee + "&from=2020-01-01&to=2021-12-31");
        assertThat(movements(y2020))
                .containsEntry("ADMITTED", 1)
                .containsEntry("CONFIRMED", 1)
                .containsEntry("TRANSFERRED_IN", 0)
                .containsEntry("TRANSFERRED_OUT", 0)
                // deaths, removals, expulsions and leavings are listed even when there were none
                .containsEntry("ENDED_DECEASED", 0)
                .containsEntry("ENDED_REMOVED", 0)
                .containsEntry("ENDED_EXPELLED", 0)
                .containsEntry("ENDED_LEFT", 0);
        // The move inside the committee is a transfer for each cell, none for the committee.
        String y2024 = "&from=2024-01-01&to=2024-12-31";
        assertThat(movements(stats(staff, "org=" + cellX + y2024))).containsEntry("TRANSFERRED_OUT", 1);
        assertThat(movements(stats(staff, "org=" + cellY + y2024))).containsEntry("TRANSFERRED_IN", 1);
        assertThat(movements(stats(staff, "org=" + committee + y2024)))
                .containsEntry("TRANSFERRED_IN", 0)
                .containsEntry("TRANSFERRED_OUT", 0)
                .containsEntry("ADMITTED", 0);
        assertThat(movements(stats(staff, "org=" + cellY + "&from=" + today.minusDays(90) + "&to=" + today)))
                .containsEntry("ADMITTED", 1);
    }

    @Test
    void readingStatisticsIsAuditedOnceWithItsCriteriaAndReadsNoRecord() {
        long memberReads = audit("member", "READ");
        long statsReads = audit("member-statistics", "READ");
        assertThat(stats(staff, "org=" + committee + "&asOf=2024-06-30&from=2024-01-01&to=2024-06-30")
                        .status())
                .isEqualTo(200);
        assertThat(audit("member-statistics", "READ")).isEqualTo(statsReads + 1);
        assertThat(audit("member", "READ")).isEqualTo(memberReads);
        String details = jdbc.sql("""
                SELECT details::text FROM audit.event
                 WHERE target_type = 'member-statistics' AND actor_identifier = 'hn.tochuc'
                 ORDER BY seq DESC LIMIT 1
                """).query(String.class).single();
        assertThat(details).contains("2024-06-30", "2024-01-01", String.valueOf(committee));
    }

    long audit(String target, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = :target AND action = :action AND actor_identifier = 'hn.tochuc'
                """)
                .param("target", target)
                .param("action", action)
                .query(Long.class)
                .single();
    }

    @Test
    void otherProvincesAndTheWholeCountryAreOutOfScopeLikeMissingIds() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        Reply foreign = stats(staff, "org=" + orgs.id(DemoOrgs.HCM));
        Reply missing = stats(staff, "org=" + orgs.missingId());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("member.org.notFound");
        assertThat(foreign.body()).isEqualTo(missing.body());
        long root = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE parent_id IS NULL")
                .query(Long.class)
                .single();
        assertThat(stats(staff, "org=" + root).status()).isEqualTo(404);
        // Without an organisation: the caller's own subtree.
        assertThat(stats(staff, "").<String>json("$.orgName")).isEqualTo(DemoOrgs.HANOI);

        ApiClient central = ApiClient.as(port, "tw.tochuc");
        Reply nation = stats(central, "org=" + root);
        assertThat(nation.status()).isEqualTo(200);
        long members = jdbc.sql("""
                SELECT count(*) FROM member.member m JOIN org.current_organisation c ON c.org_id = m.cell_id
                 WHERE m.status IN ('PROBATIONARY', 'OFFICIAL')
                """).query(Long.class).single();
        assertThat(nation.<Integer>json("$.total")).isEqualTo((int) members);
        assertThat(stats(central, "").<Number>json("$.orgId").longValue()).isEqualTo(root);

        // A party member's account reads no statistics, not even of its own cell: told so, the same
        // answer whatever the organisation (existing or not), so nothing is learnt from it.
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        Reply ownCell = stats(member, "org=" + orgs.id("Chi bộ Tổ dân phố Hàng Bạc"));
        assertThat(ownCell.status()).isEqualTo(403);
        assertThat(ownCell.code()).isEqualTo("member.stats.noScope");
        assertThat(stats(member, "org=" + orgs.missingId()).body()).isEqualTo(ownCell.body());
        assertThat(stats(member, "").body()).isEqualTo(ownCell.body());
        assertThat(PageSession.login(port, "dangvien.demo")
                        .get("/members/stats")
                        .body())
                .contains("không được giao xem thống kê đảng viên");
        // The page answers the same way.
        PageSession page = PageSession.login(port, "hn.tochuc");
        assertThat(page.get("/members/stats?org=" + orgs.id(DemoOrgs.HCM)).status())
                .isEqualTo(404);
        assertThat(page.download("/members/stats.xlsx?org=" + orgs.id(DemoOrgs.HCM))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badDaysGetAClearMessage() {
        Reply future = stats(staff, "org=" + committee + "&asOf=" + today.plusDays(1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("member.stats.asOfInFuture");
        assertThat(future.message()).isEqualTo("Ngày tính số liệu không được sau ngày hôm nay.");
        assertThat(stats(staff, "org=" + committee + "&from=2024-02-01&to=2024-01-01")
                        .code())
                .isEqualTo("member.stats.periodReversed");
        assertThat(stats(staff, "org=" + committee + "&from=2024-02-01").code())
                .isEqualTo("member.stats.periodIncomplete");
        PageSession page = PageSession.login(port, "hn.tochuc");
        PageSession.Page shown = page.get("/members/stats?org=" + committee + "&from=2024-02-01&to=2024-01-01");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Ngày bắt đầu kỳ biến động phải trước hoặc bằng ngày kết thúc.");
    }

    @Test
    void theJsonNamesEveryBreakdownAndThePeriod() {
        Reply reply = stats(staff, "org=" + committee + "&asOf=2025-12-31&from=2025-01-01&to=2025-12-31");
        assertThat(reply.<Number>json("$.orgId").longValue()).isEqualTo(committee);
        assertThat(reply.<String>json("$.orgName")).startsWith("Đảng bộ Thống Kê");
        assertThat(reply.<String>json("$.asOf")).isEqualTo("2025-12-31");
        assertThat(reply.<List<String>>json("$.breakdowns[*].key"))
                .containsExactly(
                        "status",
                        "gender",
                        "age",
                        "ethnicity",
                        "religion",
                        "generalEducation",
                        "professionalDegree",
                        "politicalTheory",
                        "cohort");
        assertThat(reply.<List<String>>json("$.breakdowns[0].rows[*].code"))
                .containsExactly("OFFICIAL", "PROBATIONARY");
        assertThat(reply.<String>json("$.period.from")).isEqualTo("2025-01-01");
        assertThat(reply.<List<String>>json("$.period.movements[*].code"))
                .startsWith("ADMITTED", "CONFIRMED", "TRANSFERRED_IN", "TRANSFERRED_OUT");
        assertThat(reply.<Integer>json("$.minCell")).isZero();
    }

    @Test
    void theExportSaysWhoAndWhenAndHasTheFiguresOfThePage() throws Exception {
        PageSession page = PageSession.login(port, "hn.tochuc");
        String query = "org=" + committee + "&asOf=2024-06-30&from=2024-01-01&to=2024-06-30";
        String html = page.get("/members/stats?" + query).body();
        assertThat(html).contains("Tải về tệp Excel (.xlsx)", "Chi bộ Thống Kê", "Theo dân tộc");
        long exports = audit("member-statistics", "EXPORT");
        HttpResponse<byte[]> file = page.download("/members/stats.xlsx?" + query);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "thong-ke-dang-vien-20240630.xlsx");
        assertThat(audit("member-statistics", "EXPORT")).isEqualTo(exports + 1);

        Map<String, List<String>> sheet = cells(file.body());
        assertThat(sheet.get("Người xuất")).containsExactly("Nguyễn Thị Thu Hà (hn.tochuc)");
        assertThat(sheet.get("Thời điểm xuất").get(0)).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");
        assertThat(sheet.get("Số liệu tính đến ngày")).containsExactly("30/06/2024");
        Reply api = stats(staff, query);
        assertThat(sheet.get("Tổng số đảng viên")).containsExactly(String.valueOf(api.<Integer>json("$.total")));
        assertThat(sheet.get("Chính thức").get(0))
                .isEqualTo(String.valueOf(rows(api, "status").get("Chính thức")));
        assertThat(sheet.get("Tày").get(0)).isEqualTo("1");
        assertThat(sheet.get("Chuyển sinh hoạt đi").get(0)).isEqualTo("0");
        assertThat(html).contains("id=\"stats-total\">3</strong>"); // as of 30/06/2024: A, B, C
    }

    /** The first sheet as label (column A) → the other cells of that row, as text. */
    static Map<String, List<String>> cells(byte[] xlsx) throws Exception {
        // The central directory, not the local headers: fastexcel streams entries with data descriptors.
        Map<String, byte[]> parts = new TreeMap<>();
        Path file = Files.createTempFile("stats", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
        } finally {
            Files.delete(file);
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        NodeList rows = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
        for (int r = 0; r < rows.getLength(); r++) {
            NodeList cs = ((Element) rows.item(r)).getElementsByTagName("c");
            List<String> values = new ArrayList<>();
            for (int c = 0; c < cs.getLength(); c++) {
                Element cell = (Element) cs.item(c);
                String text = cell.getTextContent();
                values.add("s".equals(cell.getAttribute("t")) ? shared.get(Integer.parseInt(text)) : text);
            }
            if (!values.isEmpty()) {
                out.putIfAbsent(values.get(0), values.subList(1, values.size()));
            }
        }
        return out;
    }

    static Document xml(byte[] bytes) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void smallCellsAreHiddenForAggregateOnlyReaders() {
        String path = new DemoOrgs(jdbc).path(committee);
        long account = jdbc.sql("SELECT id FROM identity.account WHERE identifier = 'hn.tochuc'")
                .query(Long.class)
                .single();
        AccessScope scope = new AccessScope(
                account,
                "hn.tochuc",
                List.of(new AccessScope.Entry(
                        0,
                        path,
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ))));
        MemberStats hidden =
                statistics.aggregateOnly(scope, new MemberStatistics.Criteria(committee, null, null, null));
        assertThat(hidden.minCell())
                .as("partywork.stats.min-cell defaults to 3")
                .isEqualTo(3);
        assertThat(hidden.total()).isEqualTo(4L);
        Map<String, MemberStats.Breakdown> by = new LinkedHashMap<>();
        hidden.breakdowns().forEach(b -> by.put(b.key(), b));
        // Kinh 3 would give Tày 1 away (4 − 3): both hidden.
        assertThat(by.get("ethnicity").rows())
                .extracting(MemberStats.Row::count)
                .containsOnlyNulls();
        assertThat(by.get("gender").rows()).extracting(MemberStats.Row::count).containsOnlyNulls();
        // Official 3 and probationary 1: the 1 is hidden, so the 3 as well.
        assertThat(by.get("status").rows()).extracting(MemberStats.Row::count).containsOnlyNulls();
        // Zero is no person: it stays.
        assertThat(by.get("age").rows().stream().filter(r -> r.count() != null))
                .allSatisfy(r -> assertThat(r.count()).isZero());

        MemberStats full = statistics.statistics(scope, new MemberStatistics.Criteria(committee, null, null, null));
        assertThat(full.minCell()).isZero();
        assertThat(full.breakdowns().get(0).rows())
                .extracting(MemberStats.Row::count)
                .containsExactly(3L, 1L);
    }
}
