package vn.partywork.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.org.OrgKind;

/**
 * Test data independent of the demo data: organisations inserted straight into the org tables
 * (as the org migration defines them), accounts through the seeding API, unique names per call.
 */
public final class Fixtures {

    public static final String PASSWORD = "Kiem-Tra#2026";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final AccountAdministration administration;

    public Fixtures(JdbcClient jdbc, AccountAdministration administration) {
        this.jdbc = jdbc;
        this.administration = administration;
    }

    public static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    public static String unique(String prefix) {
        return (prefix + "." + Long.toString(SEQUENCE.incrementAndGet(), 36)).toLowerCase(Locale.ROOT);
    }

    /** The root of the tree (the demo data's, or one made here when the database has none). */
    public long root() {
        return jdbc.sql("SELECT org_id FROM org.organisation_version WHERE parent_id IS NULL AND valid_to = 'infinity'")
                .query(Long.class)
                .optional()
                .orElseGet(() -> org(null, OrgKind.CENTRAL, "Trung ương"));
    }

    public long province(String name) {
        return org(root(), OrgKind.PROVINCE, name);
    }

    public long org(@Nullable Long parentId, OrgKind kind, String name) {
        long change = jdbc.sql("""
                INSERT INTO org.structural_change (kind, effective_on, decision_number, decision_date, decision_issuer)
                VALUES ('ESTABLISH', current_date - 365, 'KT-01', current_date - 365, 'Kiểm thử') RETURNING id
                """).query(Long.class).single();
        long id = jdbc.sql("INSERT INTO org.organisation DEFAULT VALUES RETURNING id")
                .query(Long.class)
                .single();
        String parentPath = parentId == null
                ? null
                : jdbc.sql(
                                "SELECT path::text FROM org.organisation_version WHERE org_id = :id AND valid_to = 'infinity'")
                        .param("id", parentId)
                        .query(String.class)
                        .single();
        jdbc.sql("""
                INSERT INTO org.organisation_version (org_id, code, name, kind, parent_id, path, valid_from, opened_by)
                VALUES (:id, :code, :name, :kind, :parent, CAST(:path AS ltree), current_date - 365, :change)
                """)
                .param("id", id)
                .param("code", unique("kt"))
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentId)
                .param("path", parentPath == null ? String.valueOf(id) : parentPath + "." + id)
                .param("change", change)
                .update();
        return id;
    }

    /** Closes the organisation's current version: it no longer exists now (as after giải thể). */
    public void dissolve(long orgId) {
        jdbc.sql(
                        "UPDATE org.organisation_version SET valid_to = current_date WHERE org_id = :id AND valid_to = 'infinity'")
                .param("id", orgId)
                .update();
    }

    public AccountView account(AccountType type, @Nullable Long homeOrgId) {
        return account(type, homeOrgId, null);
    }

    public AccountView account(AccountType type, @Nullable Long homeOrgId, @Nullable Long managerId) {
        return administration.createForSeeding(
                new NewAccount(unique(type.name()), "Nguyễn Văn Kiểm Thử", type, homeOrgId, managerId, null, null),
                PASSWORD);
    }

    public static AccountPrincipal principal(AccountView account) {
        return account.principal();
    }

    public static MvcResult requestToken(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn();
    }

    public static String token(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = requestToken(mvc, username, password);
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("token refused: "
                    + result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return JsonPath.read(
                result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.token");
    }

    /** Signs in through the login form; returns the session. */
    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(
                        post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (session == null) {
            throw new AssertionError("no session after login");
        }
        return session;
    }

    public static String code(MvcResult result) throws Exception {
        return JsonPath.read(
                result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.code");
    }

    public static String message(MvcResult result) throws Exception {
        return JsonPath.read(
                result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.message");
    }
}
