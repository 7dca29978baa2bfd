package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * P-AZ-3: the grant administration sets the aggregate-only flag (API and page, checkbox "Chỉ số
 * liệu tổng hợp"), shows it in the lists and the audit trail, and gives it only with the viewer role.
 */
@PartyworkTest
class AggregateGrantAdministrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    AccessScopes scopes;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;
    AccountView admin;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
    }

    @Test
    void theApiGivesAnAggregateOnlyGrantThatOpensStatisticsButNoRecord() throws Exception {
        long province = fixtures.province("Tỉnh số liệu tổng hợp");
        AccountView user = fixtures.account(AccountType.USER, province);
        String token = Fixtures.token(mvc, admin.identifier(), PASSWORD);
        long before = grantRows(user.id());

        MvcResult refused = postGrant(token, user.id(), province, "ORG_STAFF");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Fixtures.code(refused)).isEqualTo("access.grant.aggregateOnlyViewer");
        assertThat(grantRows(user.id())).as("nothing kept").isEqualTo(before);

        MvcResult created = postGrant(token, user.id(), province, "VIEWER");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String body = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Boolean) JsonPath.read(body, "$.aggregateOnly")).isTrue();
        int id = JsonPath.read(body, "$.id");

        String list = mvc.perform(get("/api/v1/admin/grants")
                        .param("accountId", String.valueOf(user.id()))
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((java.util.List<Boolean>) JsonPath.read(list, "$[?(@.id == " + id + ")].aggregateOnly"))
                .containsExactly(true);

        AccessScope scope = scopes.forAccount(user.id(), LocalDate.now(clock));
        String path = jdbc.sql("SELECT path::text FROM org.current_organisation WHERE org_id = :id")
                .param("id", province)
                .query(String.class)
                .single();
        assertThat(scope.canRead(Database.ORGANISATION_MEMBER, path)).isFalse();
        assertThat(scope.isAggregateOnly(Database.ORGANISATION_MEMBER)).isTrue();
        assertThat(scope.statisticsPaths(Database.ORGANISATION_MEMBER)).containsExactly(path);
        assertThat(scope.ceiling(Database.ORGANISATION_MEMBER))
                .as("an aggregate grant opens no classified record")
                .isEqualTo(Classification.UNCLASSIFIED);

        String audited = jdbc.sql("""
                SELECT changes FROM audit.event WHERE action = 'GRANT' AND target_type = 'grant' AND target_id = :id
                """)
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(audited).contains("aggregateOnly").contains("true");

        // /api/v1/me shows the scope entry as statistics only.
        String me = mvc.perform(get("/api/v1/me")
                        .header("Authorization", "Bearer " + Fixtures.token(mvc, user.identifier(), PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(me).contains("AGGREGATE").doesNotContain("\"READ\"");
    }

    @Test
    void theGrantsPageHasTheCheckboxAndMarksTheGrantInItsList() throws Exception {
        long province = fixtures.province("Tỉnh trang tổng hợp");
        AccountView user = fixtures.account(AccountType.USER, province);
        MockHttpSession session = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        String form = mvc.perform(get("/admin/grants").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("name=\"aggregateOnly\"").contains("Chỉ số liệu tổng hợp");

        MvcResult posted = mvc.perform(post("/admin/grants")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("accountIdentifier", user.identifier())
                        .param("role", "VIEWER")
                        .param("orgId", String.valueOf(province))
                        .param("databases", "ORGANISATION_MEMBER")
                        .param("ceiling", "UNCLASSIFIED")
                        .param("aggregateOnly", "true"))
                .andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).startsWith("/admin/grants");
        assertThat(jdbc.sql("SELECT bool_and(aggregate_only) FROM access.account_grant WHERE account_id = :id")
                        .param("id", user.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        String page = mvc.perform(get("/admin/grants")
                        .param("accountId", String.valueOf(user.id()))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String table = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        assertThat(table).contains("Tỉnh trang tổng hợp").contains("Chỉ số liệu tổng hợp");

        MvcResult refused = mvc.perform(post("/admin/grants")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("accountIdentifier", user.identifier())
                        .param("role", "COMMITTEE_LEADER")
                        .param("orgId", String.valueOf(province))
                        .param("databases", "ORGANISATION_MEMBER")
                        .param("ceiling", "UNCLASSIFIED")
                        .param("aggregateOnly", "true"))
                .andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("chỉ cấp với vai trò Người xem");
        assertThat(grantRows(user.id())).isEqualTo(1);
    }

    private long grantRows(long accountId) {
        return jdbc.sql("SELECT count(*) FROM access.account_grant WHERE account_id = :id")
                .param("id", accountId)
                .query(Long.class)
                .single();
    }

    private MvcResult postGrant(String token, long accountId, long orgId, String role) throws Exception {
        return mvc.perform(post("/api/v1/admin/grants")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"accountId":%d,"role":"%s","orgId":%d,"databases":["ORGANISATION_MEMBER"],
                         "ceiling":"UNCLASSIFIED","aggregateOnly":true}
                        """.formatted(accountId, role, orgId)))
                .andReturn();
    }
}
