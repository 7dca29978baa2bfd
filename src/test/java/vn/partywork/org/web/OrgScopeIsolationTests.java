package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.decision;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * P-AZ-1 through the real security chain and the real scope resolver: a city's organisation staff
 * cannot read, find or change the other city's organisations, and cannot even learn that they
 * exist (the answer is the same as for an id nobody has); central staff see both.
 */
@PartyworkTest
class OrgScopeIsolationTests {

    private static final List<String> READS = List.of("", "/children", "/history", "/descendants");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DemoOrgs orgs;

    @BeforeEach
    void setUp() {
        orgs = new DemoOrgs(jdbc);
    }

    @Test
    void hanoiStaffCannotSeeOrTouchHoChiMinhOrganisations() {
        assertIsolated(
                "hn.tochuc",
                DemoOrgs.HANOI,
                "Đảng bộ xã Sóc Sơn",
                DemoOrgs.HCM,
                List.of("Đảng bộ phường Bến Thành", "Chi bộ Khu phố Nguyễn Huệ", "Chi bộ Khoa Lịch sử"),
                List.of("ben thanh", "Nguyễn Huệ", "ho chi minh", "P-BT"));
    }

    @Test
    void hoChiMinhStaffCannotSeeOrTouchHanoiOrganisations() {
        assertIsolated(
                "hcm.tochuc",
                DemoOrgs.HCM,
                "Đảng bộ phường Sài Gòn",
                DemoOrgs.HANOI,
                List.of("Đảng bộ phường Hoàn Kiếm", "Chi bộ Tổ dân phố Hàng Bạc", "Đảng bộ phường Ba Đình"),
                List.of("hang bac", "Hoàn Kiếm", "ha noi", "P-HK"));
    }

    @Test
    void centralStaffSeeBothCities() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        for (String name :
                List.of(DemoOrgs.HANOI, DemoOrgs.HCM, "Chi bộ Tổ dân phố Hàng Bạc", "Chi bộ Khu phố Nguyễn Huệ")) {
            long id = orgs.id(name);
            for (String read : READS) {
                assertThat(tw.get("/api/v1/orgs/" + id + read).status())
                        .as(name + read)
                        .isEqualTo(200);
            }
        }
        assertThat(tw.get("/api/v1/orgs?q=" + encode("ben thanh")).<Integer>json("$.total"))
                .isEqualTo(1);
        assertThat(tw.get("/api/v1/orgs?q=" + encode("hang bac")).<Integer>json("$.total"))
                .isGreaterThanOrEqualTo(1);

        PageSession page = PageSession.login(port, "tw.tochuc");
        assertThat(page.get("/orgs/" + orgs.id(DemoOrgs.HCM)).status()).isEqualTo(200);
        assertThat(page.get("/orgs/" + orgs.id(DemoOrgs.HANOI)).status()).isEqualTo(200);
    }

    private void assertIsolated(
            String user,
            String ownProvince,
            String ownOrg,
            String foreignProvince,
            List<String> foreignOrgs,
            List<String> foreignQueries) {
        ApiClient api = ApiClient.as(port, user);
        long missing = orgs.missingId();
        long own = orgs.id(ownOrg);
        long ownProvinceId = orgs.id(ownProvince);
        List<Long> foreign = new java.util.ArrayList<>(List.of(orgs.id(foreignProvince)));
        foreignOrgs.forEach(name -> foreign.add(orgs.id(name)));
        String before = orgs.digest();

        // Reads: the same 404 body as an id nobody has, so the answer does not reveal existence.
        for (String read : READS) {
            Reply nobody = api.get("/api/v1/orgs/" + missing + read);
            assertThat(nobody.status()).as(read).isEqualTo(404);
            assertThat(nobody.code()).isEqualTo("org.notFound");
            for (long id : foreign) {
                Reply reply = api.get("/api/v1/orgs/" + id + read);
                assertThat(reply.status()).as("%s%s", id, read).isEqualTo(404);
                assertThat(reply.body()).as("%s%s", id, read).isEqualTo(nobody.body());
            }
            assertThat(api.get("/api/v1/orgs/" + own + read).status())
                    .as("own " + read)
                    .isEqualTo(200);
        }
        for (String q : foreignQueries) {
            Reply found = api.get("/api/v1/orgs?q=" + encode(q));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.<Integer>json("$.total")).as(q).isZero();
            assertThat(found.<List<?>>json("$.items")).as(q).isEmpty();
        }
        assertThat(api.get("/api/v1/orgs/roots").<List<Integer>>json("$[*].org.id"))
                .containsExactly((int) ownProvinceId);
        assertThat(api.get("/api/v1/orgs?size=100").<List<String>>json("$.items[*].path"))
                .isNotEmpty()
                .allSatisfy(path -> assertThat(path).startsWith(orgs.path(ownProvinceId)));

        // Writes on the other city's organisations, and moves into it: 404, nothing changed.
        LocalDate today = DemoOrgs.today();
        String dated = decision("99-QĐ/KT", today);
        long foreignProvinceId = foreign.get(0);
        long foreignWard = foreign.get(1);
        long foreignCell = foreign.get(2);
        Map<String, String> writes = new java.util.LinkedHashMap<>();
        writes.put("/api/v1/orgs/" + foreignWard + "/rename", "{\"name\": \"Tên mới\", " + dated + "}");
        writes.put(
                "/api/v1/orgs/" + foreignWard + "/transfer", "{\"newParentId\": " + ownProvinceId + ", " + dated + "}");
        writes.put("/api/v1/orgs/" + own + "/transfer", "{\"newParentId\": " + foreignProvinceId + ", " + dated + "}");
        writes.put("/api/v1/orgs/" + foreignCell + "/dissolve", "{" + dated + "}");
        writes.put("/api/v1/orgs/" + foreignWard + "/absorb", "{\"targetId\": " + own + ", " + dated + "}");
        writes.put("/api/v1/orgs/" + own + "/absorb", "{\"targetId\": " + foreignWard + ", " + dated + "}");
        writes.put("/api/v1/orgs/" + foreignWard + "/split", """
                {"successors": [{"code": "A", "name": "Một"}, {"code": "B", "name": "Hai"}], %s}""".formatted(dated));
        writes.put("/api/v1/orgs/merge", """
                {"sourceIds": [%d, %d], "parentId": %d, "code": "GOP", "name": "Đảng bộ hợp nhất", \
                "kind": "GRASSROOTS_COMMITTEE", %s}""".formatted(own, foreignWard, ownProvinceId, dated));
        writes.put("/api/v1/orgs", """
                {"parentId": %d, "code": "MOI", "name": "Chi bộ mới", "kind": "CELL", %s}""".formatted(foreignWard, dated));
        writes.forEach((path, body) -> {
            Reply reply = api.post(path, body);
            assertThat(reply.status()).as("%s %s", path, reply).isEqualTo(404);
            assertThat(reply.code()).as(path).isEqualTo("org.notFound");
            assertThat(reply.message()).as(path).startsWith("Không tìm thấy tổ chức đảng");
        });
        assertThat(orgs.digest()).isEqualTo(before);

        // The UI: the same 404 page, the tree shows only the own city, the form post changes nothing.
        PageSession page = PageSession.login(port, user);
        PageSession.Page nobodyPage = page.get("/orgs/" + missing);
        assertThat(nobodyPage.status()).isEqualTo(404);
        for (long id : foreign) {
            PageSession.Page reply = page.get("/orgs/" + id);
            assertThat(reply.status()).as("page %s", id).isEqualTo(404);
            assertThat(reply.body()).contains("Không tìm thấy tổ chức đảng").doesNotContain(orgs.currentName(id));
            assertThat(page.get("/orgs/" + id + "/children").status())
                    .as("children %s", id)
                    .isEqualTo(404);
        }
        String tree = page.get("/orgs").body();
        assertThat(tree)
                .contains(ownProvince)
                .doesNotContain(foreignProvince)
                .doesNotContain(DemoOrgs.NGHE_AN)
                .doesNotContain("Ban Chấp hành Trung ương");
        for (String q : foreignQueries) {
            String results = page.get("/orgs?q=" + encode(q)).body();
            foreignOrgs.forEach(name -> assertThat(results).as(q).doesNotContain(name));
            String picks = page.get("/orgs/pick?field=targetId&q=" + encode(q)).body();
            foreignOrgs.forEach(name -> assertThat(picks).as(q).doesNotContain(name));
        }
        PageSession.Page renamed = page.post(
                "/orgs/" + foreignWard + "/rename",
                Map.of(
                        "name",
                        "Tên mới",
                        "decisionNumber",
                        "99-QĐ/KT",
                        "decisionDate",
                        today.toString(),
                        "decisionIssuer",
                        "Kiểm thử",
                        "effectiveOn",
                        today.toString()));
        assertThat(renamed.status()).isEqualTo(404);
        assertThat(orgs.digest()).isEqualTo(before);
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
