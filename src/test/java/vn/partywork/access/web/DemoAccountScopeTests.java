package vn.partywork.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.decision;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * Each demo account of the README sees exactly what its role should see, through the real token
 * login, security chain and scope resolver: {@code /api/v1/me} states the scope and the organisation
 * API honours it.
 */
@PartyworkTest
class DemoAccountScopeTests {

    private static final String CELL = "Chi bộ Tổ dân phố Hàng Bạc";
    private static final String WARD = "Đảng bộ phường Hoàn Kiếm";

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
    void centralStaffSeeTheWholeTree() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        long root = orgs.id("Ban Chấp hành Trung ương");

        assertScope(tw, List.of(orgs.path(root)), List.of("READ", "WRITE"));
        assertThat(tw.get("/api/v1/orgs/roots").<List<Integer>>json("$[*].org.id"))
                .containsExactly((int) root);
        assertThat(tw.get("/api/v1/orgs/" + root + "/children").<List<String>>json("$[*].org.name"))
                .contains(DemoOrgs.HANOI, DemoOrgs.HCM, DemoOrgs.NGHE_AN);
    }

    @Test
    void cityStaffSeeTheirCityOnly() {
        for (String[] staff : new String[][] {{"hn.tochuc", DemoOrgs.HANOI}, {"hcm.tochuc", DemoOrgs.HCM}}) {
            ApiClient api = ApiClient.as(port, staff[0]);
            long province = orgs.id(staff[1]);
            assertScope(api, List.of(orgs.path(province)), List.of("READ", "WRITE"));
            assertThat(api.get("/api/v1/orgs/roots").<List<Integer>>json("$[*].org.id"))
                    .as(staff[0])
                    .containsExactly((int) province);
            assertThat(api.get("/api/v1/orgs?size=100").<List<String>>json("$.items[*].path"))
                    .as(staff[0])
                    .allSatisfy(path -> assertThat(path).startsWith(orgs.path(province)));
        }
    }

    @Test
    void hanoiAccountAdministratorListsOnlyHanoiAccountsAndSeesNoBusinessData() {
        ApiClient quantri = ApiClient.as(port, "hn.quantri");
        String hanoi = orgs.path(orgs.id(DemoOrgs.HANOI));

        Reply accounts = quantri.get("/api/v1/admin/accounts?size=100");
        assertThat(accounts.status()).isEqualTo(200);
        List<String> identifiers = accounts.json("$.items[*].identifier");
        assertThat(identifiers)
                .contains("hn.tochuc", "hn.quantri", "bithu.demo", "dangvien.demo")
                .doesNotContain("admin", "tw.tochuc", "hcm.tochuc", "kiemtoan");
        List<Number> homes = accounts.json("$.items[*].homeOrgId");
        assertThat(homes)
                .allSatisfy(home -> assertThat(orgs.path(home.longValue())).startsWith(hanoi));

        assertScope(quantri, List.of(), List.of());
        assertNoOrganisationData(quantri);
    }

    @Test
    void cellSecretaryWritesTheCellButNotItsParent() {
        ApiClient bithu = ApiClient.as(port, "bithu.demo");
        long cell = orgs.id(CELL);
        long ward = orgs.id(WARD);
        assertScope(bithu, List.of(orgs.path(cell)), List.of("READ", "WRITE"));
        assertThat(bithu.get("/api/v1/orgs/roots").<List<Integer>>json("$[*].org.id"))
                .containsExactly((int) cell);
        assertThat(bithu.get("/api/v1/orgs/" + ward).status()).isEqualTo(404);

        String before = orgs.digest();
        Reply parent = bithu.post(
                "/api/v1/orgs/" + ward + "/rename",
                "{\"name\": \"Đảng bộ phường Hoàn Kiếm mới\", " + decision("1-QĐ/KT", DemoOrgs.today()) + "}");
        assertThat(parent.status()).isEqualTo(404);
        assertThat(parent.code()).isEqualTo("org.notFound");
        assertThat(orgs.digest()).isEqualTo(before);

        // A real write on the own cell, then the demo name back (history only grows: yesterday, then today).
        LocalDate today = DemoOrgs.today();
        Reply renamed = bithu.post(
                "/api/v1/orgs/" + cell + "/rename",
                "{\"name\": \"Chi bộ Tổ dân phố Hàng Bạc (tạm)\", " + decision("2-QĐ/KT", today.minusDays(1)) + "}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Reply restored = bithu.post(
                "/api/v1/orgs/" + cell + "/rename", "{\"name\": \"" + CELL + "\", " + decision("3-QĐ/KT", today) + "}");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(orgs.currentName(cell)).isEqualTo(CELL);
    }

    @Test
    void memberReadsTheOwnCellButCannotChangeIt() {
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        long cell = orgs.id(CELL);
        assertScope(member, List.of(orgs.path(cell)), List.of("READ"));
        assertThat(member.get("/api/v1/orgs/roots").<List<Integer>>json("$[*].org.id"))
                .containsExactly((int) cell);
        assertThat(member.get("/api/v1/orgs/" + cell).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/orgs/" + orgs.id(WARD)).status()).isEqualTo(404);

        String before = orgs.digest();
        Reply rename = member.post(
                "/api/v1/orgs/" + cell + "/rename",
                "{\"name\": \"Chi bộ mới\", " + decision("4-QĐ/KT", DemoOrgs.today()) + "}");
        assertThat(rename.status()).isEqualTo(403);
        assertThat(rename.code()).isEqualTo("org.forbidden");
        assertThat(rename.message()).isEqualTo("Đồng chí chỉ được xem, không được thay đổi tổ chức đảng này.");
        assertThat(orgs.digest()).isEqualTo(before);
    }

    /**
     * The auditor's grant carries only the AUDIT permission: the organisation API answers as for an
     * account without business grants (empty lists, 404 on an id), which is what the scope model
     * says; a 403 would need a second notion of "no business role" besides the scope.
     */
    @Test
    void auditorReadsNoOrganisationData() {
        ApiClient auditor = ApiClient.as(port, "kiemtoan");
        assertScope(auditor, List.of(orgs.path(orgs.id("Ban Chấp hành Trung ương"))), List.of("AUDIT"));
        assertNoOrganisationData(auditor);
    }

    @Test
    void systemAdministratorGets403OnOrganisationData() {
        ApiClient admin = ApiClient.as(port, "admin");
        assertScope(admin, List.of(), List.of());
        for (String url : List.of("/api/v1/orgs", "/api/v1/orgs/roots", "/api/v1/orgs/" + orgs.id(DemoOrgs.HANOI))) {
            Reply reply = admin.get(url);
            assertThat(reply.status()).as(url).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("auth.forbidden");
        }
    }

    private void assertNoOrganisationData(ApiClient api) {
        assertThat(api.get("/api/v1/orgs/roots").<List<?>>json("$")).isEmpty();
        Reply search = api.get("/api/v1/orgs?q=ha%20noi");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.<Integer>json("$.total")).isZero();
        assertThat(api.get("/api/v1/orgs").<Integer>json("$.total")).isZero();
        assertThat(api.get("/api/v1/orgs/counts")
                        .<java.util.Map<String, Integer>>json("$")
                        .values())
                .allSatisfy(count -> assertThat(count).isZero());
        for (String name : List.of(DemoOrgs.HANOI, CELL)) {
            assertThat(api.get("/api/v1/orgs/" + orgs.id(name)).status())
                    .as(name)
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/orgs/" + orgs.id(name) + "/history").status())
                    .as(name)
                    .isEqualTo(404);
        }
    }

    private static void assertScope(ApiClient api, List<String> paths, List<String> permissions) {
        Reply me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.<List<String>>json("$.scope.entries[*].path")).containsExactlyInAnyOrderElementsOf(paths);
        List<List<String>> granted = me.json("$.scope.entries[*].permissions");
        granted.forEach(p -> assertThat(p).containsExactlyInAnyOrderElementsOf(permissions));
    }
}
