package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import vn.partywork.PartyworkTest;
import vn.partywork.audit.AuditTrail;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.TransferOrganisation;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.Permission;

/**
 * Renders the organisation pages with the real templates and services. The access module's
 * argument resolver is not here yet, so a stand-in supplies the scope; security and the error
 * pages are the lead's HTTP-level tests.
 */
@PartyworkTest
class OrgPagesTests {

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
    MessageSource messages;

    @Autowired
    ISpringTemplateEngine templates;

    @Autowired
    Validator mvcValidator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail auditTrail;

    MockMvc mvc;
    OrgSummary province;
    OrgSummary district;
    AccessScope scope;

    @BeforeEach
    void setUp() {
        OrgSummary root = directory
                .root()
                .orElseGet(() -> seeding.establishRoot(
                        "TW",
                        "Ban Chấp hành Trung ương Đảng",
                        new Decision("01", LocalDate.of(1930, 2, 3), "Hội nghị thành lập Đảng"),
                        LocalDate.of(1930, 2, 3)));
        AccessScope system = seeding.seedingScope(root.path());
        String tag = Long.toString(System.nanoTime(), 36);
        province = restructuring.establish(
                system,
                new EstablishOrganisation(
                        root.id(),
                        "P" + tag,
                        "Tỉnh ủy Hà Nam " + tag,
                        OrgKind.PROVINCE,
                        new Decision("1", BASE, "Bộ Chính trị"),
                        BASE,
                        null));
        district = restructuring.establish(
                system,
                new EstablishOrganisation(
                        province.id(),
                        "D1",
                        "Huyện ủy Kim Bảng",
                        OrgKind.UPPER_GRASSROOTS,
                        new Decision("2", BASE, "Ban Thường vụ Tỉnh ủy"),
                        BASE,
                        null));
        scope = new AccessScope(
                7,
                "canbo.tochuc",
                List.of(new AccessScope.Entry(
                        1,
                        province.path(),
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ, Permission.WRITE))));
        mvc = MockMvcBuilders.standaloneSetup(new OrgController(structure, restructuring, auditTrail, messages))
                .setCustomArgumentResolvers(new ScopeResolver(scope))
                .setViewResolvers(viewResolver())
                .setValidator(mvcValidator)
                .build();
    }

    @Test
    void treeShowsTheScopeRootsAndLabelsAnAsOfDate() throws Exception {
        String page = mvc.perform(get("/orgs").param("asOf", "2016-05-01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(province.name())
                .contains("Xem theo ngày 01/05/2016")
                .contains("hx-get");
    }

    @Test
    void htmxGetsPartialsForSearchAndChildren() throws Exception {
        String results = mvc.perform(get("/orgs").param("q", "kim bang").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String children = mvc.perform(get("/orgs/{id}/children", province.id()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(results).contains("Huyện ủy Kim Bảng").doesNotContain("<html");
        assertThat(children).contains("Huyện ủy Kim Bảng").doesNotContain("<html");
    }

    @Test
    void aCommonPhraseSaysMoreThanAThousandResultsAndStillRanksPrefixesFirst() throws Exception {
        String phrase = "Chi bộ thôn Đông " + Long.toString(System.nanoTime(), 36);
        long change = jdbc.sql("""
                INSERT INTO org.structural_change (kind, effective_on, decision_number, decision_date, decision_issuer)
                VALUES ('ESTABLISH', DATE '2015-01-02', 'KT', DATE '2015-01-02', 'Kiểm thử') RETURNING id
                """).query(Long.class).single();
        jdbc.sql("""
                WITH ids AS (INSERT INTO org.organisation (created_at)
                             SELECT now() FROM generate_series(1, 1001) RETURNING id)
                INSERT INTO org.organisation_version (org_id, code, name, kind, parent_id, path, valid_from, opened_by)
                SELECT id, 'C' || id, :phrase || ' ' || id, 'GRASSROOTS_CELL', :parent,
                       CAST(:parentPath || '.' || id AS ltree), DATE '2015-01-02', :change
                  FROM ids
                """)
                .param("phrase", phrase)
                .param("parent", district.id())
                .param("parentPath", district.path())
                .param("change", change)
                .update();
        OrgSummary higher = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        province.id(),
                        "Z",
                        phrase + " (trực thuộc tỉnh)",
                        OrgKind.GRASSROOTS_CELL,
                        new Decision("4", BASE, "Tỉnh ủy"),
                        BASE.plusDays(1),
                        null));

        String results = mvc.perform(
                        get("/orgs").param("q", phrase.toLowerCase()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(results).contains("Tìm thấy hơn <span>1.000</span> kết quả").contains("1/50+");
        // The cell directly under the province is one level higher than the 1,001 under the district.
        java.util.regex.Matcher lower = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(phrase) + " \\d")
                .matcher(results);
        assertThat(lower.find()).isTrue();
        assertThat(results.indexOf(higher.name())).isPositive().isLessThan(lower.start());
    }

    @Test
    void aDescendantsPageSaysItMovedWithItsSuperiorOrganisation() throws Exception {
        OrgSummary other = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        province.id(),
                        "D2",
                        "Huyện ủy Thanh Liêm",
                        OrgKind.UPPER_GRASSROOTS,
                        new Decision("5", BASE, "Tỉnh ủy"),
                        BASE,
                        null));
        OrgSummary commune = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        district.id(),
                        "X1",
                        "Đảng ủy xã Ba Sao",
                        OrgKind.GRASSROOTS_COMMITTEE,
                        new Decision("6", BASE, "Huyện ủy"),
                        BASE,
                        null));
        OrgSummary cell = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        commune.id(),
                        "C1",
                        "Chi bộ thôn Đồng Ao",
                        OrgKind.CELL,
                        new Decision("7", BASE, "Đảng ủy xã"),
                        BASE,
                        null));
        restructuring.transfer(
                scope,
                new TransferOrganisation(
                        commune.id(),
                        other.id(),
                        new Decision("8-QĐ/TU", BASE.plusYears(1), "Ban Thường vụ Tỉnh ủy"),
                        BASE.plusYears(1),
                        null));

        String page = mvc.perform(get("/orgs/{id}", cell.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Chuyển theo tổ chức cấp trên:", "Đảng ủy xã Ba Sao", "Quyết định số 8-QĐ/TU")
                .contains("từ <span>Huyện ủy Kim Bảng</span>");
    }

    @Test
    void organisationPageShowsBreadcrumbHistoryAndForms() throws Exception {
        String page = mvc.perform(get("/orgs/{id}", district.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        province.name(),
                        "Thành lập",
                        "Quyết định số 2",
                        "01/01/2015",
                        "Đổi tên",
                        "Chuyển giao",
                        "Chia tách",
                        "Hợp nhất",
                        "Sáp nhập",
                        "Giải thể");
    }

    @Test
    void restructuringFormsAreShownOnlyToWritersAndOnlyForTheCurrentState() throws Exception {
        AccessScope reader = new AccessScope(
                8,
                "xem.tochuc",
                List.of(new AccessScope.Entry(
                        2,
                        province.path(),
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ))));
        MockMvc readerMvc = MockMvcBuilders.standaloneSetup(
                        new OrgController(structure, restructuring, auditTrail, messages))
                .setCustomArgumentResolvers(new ScopeResolver(reader))
                .setViewResolvers(viewResolver())
                .build();

        String asReader = readerMvc
                .perform(get("/orgs/{id}", district.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String asOf = mvc.perform(get("/orgs/{id}", district.id()).param("asOf", "2016-01-01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String now = mvc.perform(get("/orgs/{id}", district.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(asReader)
                .contains("Lịch sử tổ chức")
                .doesNotContain("Sắp xếp tổ chức")
                .doesNotContain("Nhật ký thay đổi");
        assertThat(asOf).contains("Xem theo ngày 01/01/2016").doesNotContain("Sắp xếp tổ chức");
        assertThat(now).contains("Sắp xếp tổ chức");
    }

    @Test
    void renamePostsThenRedirectsWithAFlashMessage() throws Exception {
        mvc.perform(post("/orgs/{id}/rename", district.id())
                        .param("name", "Thị ủy Kim Bảng")
                        .param("decisionNumber", "15-QĐ/TU")
                        .param("decisionDate", "2020-03-01")
                        .param("decisionIssuer", "Ban Thường vụ Tỉnh ủy")
                        .param("effectiveOn", "2020-04-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/orgs/" + district.id()))
                .andExpect(flash().attribute("flash", "Đã ghi nhận việc đổi tên."));

        String page = mvc.perform(get("/orgs/{id}", district.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Thị ủy Kim Bảng", "Đổi tên từ", "Huyện ủy Kim Bảng", "01/04/2020");
    }

    @Test
    void invalidOrRefusedFormsShowVietnameseMessagesNextToTheForm() throws Exception {
        String missing = mvc.perform(post("/orgs/{id}/rename", district.id()).param("name", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String future = mvc.perform(post("/orgs/{id}/rename", district.id())
                        .param("name", "Tên mới")
                        .param("decisionNumber", "1")
                        .param("decisionDate", "2020-03-01")
                        .param("decisionIssuer", "Tỉnh ủy")
                        .param("effectiveOn", LocalDate.now().plusDays(2).toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tooLong = mvc.perform(post("/orgs/{id}/rename", district.id()).param("name", "x".repeat(301)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(missing).contains("Phải nhập thông tin này.");
        assertThat(future).contains("Ngày có hiệu lực không được sau ngày hôm nay.");
        assertThat(tooLong).contains("Không được dài quá 300 ký tự.");
        assertThat(directory.current(district.id()).orElseThrow().name()).isEqualTo("Huyện ủy Kim Bảng");
    }

    @Test
    void splitFormAssignsEachChild() throws Exception {
        OrgSummary g = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        district.id(),
                        "X",
                        "Đảng ủy xã X",
                        OrgKind.GRASSROOTS_COMMITTEE,
                        new Decision("3", BASE, "Huyện ủy"),
                        BASE.plusDays(1),
                        null));
        OrgSummary c1 = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        g.id(),
                        "C1",
                        "Chi bộ 1",
                        OrgKind.CELL,
                        new Decision("4", BASE, "Huyện ủy"),
                        BASE.plusDays(2),
                        null));
        OrgSummary c2 = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        g.id(),
                        "C2",
                        "Chi bộ 2",
                        OrgKind.CELL,
                        new Decision("5", BASE, "Huyện ủy"),
                        BASE.plusDays(2),
                        null));

        mvc.perform(post("/orgs/{id}/split", g.id())
                        .param("successors[0].name", "Đảng ủy xã X1")
                        .param("successors[0].code", "X1")
                        .param("successors[1].name", "Đảng ủy xã X2")
                        .param("successors[1].code", "X2")
                        .param("assignment[" + c1.id() + "]", "0")
                        .param("assignment[" + c2.id() + "]", "1")
                        .param("decisionNumber", "20-QĐ/HU")
                        .param("decisionDate", "2021-01-01")
                        .param("decisionIssuer", "Ban Thường vụ Huyện ủy")
                        .param("effectiveOn", "2021-01-01"))
                .andExpect(status().is3xxRedirection());

        assertThat(directory.current(g.id())).isEmpty();
        assertThat(directory.current(c2.id()).orElseThrow().parentId()).isNotEqualTo(g.id());
    }

    private ThymeleafViewResolver viewResolver() {
        ThymeleafViewResolver resolver = new ThymeleafViewResolver();
        resolver.setTemplateEngine(templates);
        resolver.setCharacterEncoding("UTF-8");
        return resolver;
    }

    /** Stands in for the access module's resolver of the signed-in user's scope. */
    record ScopeResolver(AccessScope scope) implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == AccessScope.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return scope;
        }
    }

    @Test
    void writersSeeWhoChangedWhatWithOldAndNewValues() throws Exception {
        mvc.perform(post("/orgs/{id}/rename", district.id())
                        .param("name", "Thị ủy Kim Bảng")
                        .param("decisionNumber", "16-QĐ/TU")
                        .param("decisionDate", "2020-03-01")
                        .param("decisionIssuer", "Ban Thường vụ Tỉnh ủy")
                        .param("effectiveOn", "2020-04-01"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/orgs/{id}", district.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // P-AU-1: the audit history of the record, embedded on its page, field by field.
        assertThat(page)
                .contains("Nhật ký thay đổi")
                .contains("<span>Tên</span>:")
                .contains("<del>Huyện ủy Kim Bảng</del> → <ins>Thị ủy Kim Bảng</ins>")
                .contains("16-QĐ/TU");
    }
}
