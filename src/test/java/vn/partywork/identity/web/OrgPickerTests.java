package vn.partywork.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.org.OrgKind;

/** The organisation picker of the administration forms offers only what the administrator manages (P-ID-2). */
@PartyworkTest
class OrgPickerTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    MockMvc mvc;
    Fixtures fixtures;
    String tag;
    long quangTri;
    long vinhLinh;
    long camLo;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        // A word of its own per test run so that other tests' organisations never match.
        tag = Fixtures.unique("x").replace(".", "");
        quangTri = fixtures.province("Đảng bộ tỉnh Quảng Trị " + tag);
        vinhLinh = fixtures.org(quangTri, OrgKind.UPPER_GRASSROOTS, "Đảng bộ huyện Vĩnh Linh " + tag);
        long quangBinh = fixtures.province("Đảng bộ tỉnh Quảng Bình " + tag);
        camLo = fixtures.org(quangBinh, OrgKind.UPPER_GRASSROOTS, "Đảng bộ huyện Cam Lộ " + tag);
    }

    @Test
    void aSystemAdministratorFindsAnyOrganisationWithoutDiacritics() throws Exception {
        MockHttpSession session = login(fixtures.account(AccountType.SYSTEM_ADMIN, null));
        String found = page(get("/admin/orgs/pick").param("field", "orgId").param("q", tag), session);
        assertThat(found).contains("Đảng bộ huyện Vĩnh Linh " + tag).contains("Đảng bộ huyện Cam Lộ " + tag);
        found = page(get("/admin/orgs/pick").param("field", "orgId").param("q", "vinh linh " + tag), session);
        assertThat(found)
                .contains("Đảng bộ huyện Vĩnh Linh " + tag)
                .doesNotContain("Cam Lộ")
                .contains("Trực thuộc: Đảng bộ tỉnh Quảng Trị " + tag)
                .contains("/admin/orgs/choose?field=orgId&amp;id=" + vinhLinh);
    }

    @Test
    void anOrganisationAdministratorFindsOnlyItsSubtree() throws Exception {
        MockHttpSession session = login(fixtures.account(AccountType.ORG_ADMIN, quangTri));
        String found = page(get("/admin/orgs/pick").param("field", "homeOrgId").param("q", tag), session);
        assertThat(found).contains("Đảng bộ huyện Vĩnh Linh " + tag).doesNotContain("Cam Lộ");

        String none = page(get("/admin/orgs/pick").param("field", "homeOrgId").param("q", "cam lo " + tag), session);
        assertThat(none).contains("Không tìm thấy tổ chức đảng phù hợp trong phạm vi bạn quản trị.");

        String outside =
                page(get("/admin/orgs/choose").param("field", "homeOrgId").param("id", String.valueOf(camLo)), session);
        assertThat(outside)
                .contains("Chưa chọn tổ chức đảng.")
                .doesNotContain("Cam Lộ")
                .contains("name=\"homeOrgId\" value=\"\"");
    }

    @Test
    void choosingShowsTheFullNameAndParentAndFillsTheHiddenField() throws Exception {
        MockHttpSession session = login(fixtures.account(AccountType.SYSTEM_ADMIN, null));
        String chosen = page(
                get("/admin/orgs/choose")
                        .param("field", "orgId")
                        .param("id", String.valueOf(vinhLinh))
                        .param("label", "Phạm vi: tổ chức đảng"),
                session);
        assertThat(chosen)
                .contains("<input type=\"hidden\" name=\"orgId\" value=\"" + vinhLinh + "\"")
                .contains("Đảng bộ huyện Vĩnh Linh " + tag)
                .contains("Đảng bộ tỉnh Quảng Trị " + tag)
                .contains("Phạm vi: tổ chức đảng");
    }

    @Test
    void theAccountFormShowsThePickerAndStillChecksTheIdOnSubmit() throws Exception {
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, quangTri);
        MockHttpSession session = login(orgAdmin);
        String form = page(get("/admin/accounts/new"), session);
        assertThat(form)
                .contains("id=\"homeOrgId-picker\"")
                .contains("Đảng bộ tỉnh Quảng Trị " + tag)
                .contains("name=\"homeOrgId\" value=\"" + quangTri + "\"")
                .doesNotContain("type=\"number\"");

        // A hand-made request with an organisation outside the subtree is still refused.
        String refused = page(
                post("/admin/accounts")
                        .with(csrf())
                        .param("identifier", Fixtures.unique("ngoai"))
                        .param("displayName", "Người ngoài")
                        .param("type", "USER")
                        .param("homeOrgId", String.valueOf(camLo)),
                session);
        assertThat(refused).contains("alert-danger").contains("Chưa chọn tổ chức đảng.");
    }

    @Test
    void adminsWithoutBusinessScopeAreStillRefusedOnTheBusinessPicker() throws Exception {
        MockHttpSession session = login(fixtures.account(AccountType.SYSTEM_ADMIN, null));
        int status = mvc.perform(get("/orgs/pick")
                        .param("field", "orgId")
                        .param("q", "huyen")
                        .session(session))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
    }

    private MockHttpSession login(AccountView account) throws Exception {
        return Fixtures.login(mvc, account.identifier(), PASSWORD);
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
