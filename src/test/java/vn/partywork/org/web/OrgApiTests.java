package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.Validator;
import vn.partywork.PartyworkTest;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.Permission;

/**
 * The JSON API's binding and shapes, with a stand-in scope resolver; error bodies come from the
 * web module's ApiErrorHandler and are the lead's HTTP-level tests.
 */
@PartyworkTest
class OrgApiTests {

    private static final LocalDate BASE = LocalDate.of(2015, 1, 1);

    @Autowired
    OrgStructure structure;

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    OrgSeeding seeding;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Validator mvcValidator;

    MockMvc mvc;
    OrgSummary province;

    @BeforeEach
    void setUp() {
        OrgSummary root = directory
                .root()
                .orElseGet(() -> seeding.establishRoot(
                        "TW",
                        "Ban Chấp hành Trung ương Đảng",
                        new Decision("01", LocalDate.of(1930, 2, 3), "Hội nghị thành lập Đảng"),
                        LocalDate.of(1930, 2, 3)));
        String tag = Long.toString(System.nanoTime(), 36);
        province = restructuring.establish(
                seeding.seedingScope(root.path()),
                new EstablishOrganisation(
                        root.id(),
                        "P" + tag,
                        "Tỉnh ủy Lào Cai " + tag,
                        OrgKind.PROVINCE,
                        new Decision("1", BASE, "Bộ Chính trị"),
                        BASE,
                        null));
        AccessScope scope = new AccessScope(
                7,
                "canbo.tochuc",
                List.of(new AccessScope.Entry(
                        1,
                        province.path(),
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ, Permission.WRITE))));
        mvc = MockMvcBuilders.standaloneSetup(new OrgApiController(structure, restructuring))
                .setCustomArgumentResolvers(new OrgPagesTests.ScopeResolver(scope))
                .setValidator(mvcValidator)
                .build();
    }

    @Test
    void establishRenameAndReadBackAsJson() throws Exception {
        String created = mvc.perform(post("/api/v1/orgs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"parentId": %d, "code": "SP", "name": "Thị ủy Sa Pa", "kind": "UPPER_GRASSROOTS",
                         "decision": {"number": "10-QĐ/TU", "date": "2016-01-01", "issuer": "Ban Thường vụ Tỉnh ủy"},
                         "effectiveOn": "2016-01-01"}
                        """.formatted(province.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Thị ủy Sa Pa"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/orgs/{id}/rename", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "Thị xã ủy Sa Pa",
                         "decision": {"number": "11-QĐ/TU", "date": "2020-01-01", "issuer": "Ban Thường vụ Tỉnh ủy"},
                         "effectiveOn": "2020-01-01"}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("SP"));

        mvc.perform(get("/api/v1/orgs/{id}", id).param("asOf", "2019-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org.name").value("Thị ủy Sa Pa"))
                .andExpect(jsonPath("$.ancestors[-1].id").value(province.id()));
        mvc.perform(get("/api/v1/orgs/{id}/history", id))
                .andExpect(jsonPath("$[0].kind").value("RENAME"))
                .andExpect(jsonPath("$[0].decision.number").value("11-QĐ/TU"))
                .andExpect(jsonPath("$[0].participants[0].previousName").value("Thị ủy Sa Pa"));
        mvc.perform(get("/api/v1/orgs").param("q", "sa pa"))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/orgs/{id}/children", province.id()).param("asOf", "2015-06-01"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void oversizedOrMissingFieldsAreRejectedByBeanValidation() throws Exception {
        mvc.perform(post("/api/v1/orgs").contentType(MediaType.APPLICATION_JSON).content("""
                        {"parentId": %d, "code": "SP", "name": "%s", "kind": "UPPER_GRASSROOTS",
                         "decision": {"number": "", "date": "2016-01-01", "issuer": "Tỉnh ủy"},
                         "effectiveOn": "2016-01-01"}
                        """.formatted(
                                province.id(), "x".repeat(301))))
                .andExpect(status().isBadRequest());
        assertThat(structure.children(
                        new AccessScope(
                                7,
                                "canbo.tochuc",
                                List.of(new AccessScope.Entry(
                                        1,
                                        province.path(),
                                        Set.of(Database.ORGANISATION_MEMBER),
                                        Classification.UNCLASSIFIED,
                                        EnumSet.of(Permission.READ)))),
                        province.id(),
                        null))
                .isEmpty();
    }
}
