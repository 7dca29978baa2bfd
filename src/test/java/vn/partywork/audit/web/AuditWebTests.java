package vn.partywork.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import vn.partywork.PartyworkTest;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditTrail;
import vn.partywork.audit.internal.AuditNames;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;
import vn.partywork.web.PageSession;

/**
 * The auditor's pages and API with a stand-in scope resolver (the access module's resolver and
 * real logins come with the identity branch): auditors get the log, others 403.
 */
@PartyworkTest
class AuditWebTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ISpringTemplateEngine templates;

    @Autowired
    AuditNames names;

    @LocalServerPort
    int port;

    static final AccessScope AUDITOR = new AccessScope(
            900,
            "kiemtoan",
            List.of(new AccessScope.Entry(
                    90, "1", Set.of(), Classification.UNCLASSIFIED, EnumSet.of(Permission.AUDIT))));
    static final AccessScope CLERK = new AccessScope(
            901,
            "hn.tochuc",
            List.of(new AccessScope.Entry(
                    91,
                    "1",
                    Set.of(Database.ORGANISATION_MEMBER),
                    Classification.UNCLASSIFIED,
                    EnumSet.of(Permission.READ, Permission.WRITE))));

    @Test
    void auditorVerifiesTheChainOverTheApi() throws Exception {
        String json = mvc(AUDITOR)
                .perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"firstBrokenSeq\":null").contains("\"reason\":null");
    }

    @Test
    void othersAreRefusedEverywhere() throws Exception {
        MockMvc clerk = mvc(CLERK);
        for (String url : List.of(
                "/api/v1/audit/verify",
                "/api/v1/audit/events",
                "/api/v1/audit/history?targetType=organisation&targetId=1",
                "/audit",
                "/audit/export.csv",
                "/audit/history?targetType=organisation&targetId=1",
                "/audit/verify")) {
            clerk.perform(get(url)).andExpect(status().isForbidden());
        }
        clerk.perform(post("/api/v1/audit/checkpoints")).andExpect(status().isForbidden());
    }

    @Test
    void listPageShowsOldAndNewValuesInVietnameseAndRecordsTheSearch() throws Exception {
        String id = changeSomething();
        String html = mvc(AUDITOR)
                .perform(get("/audit").param("targetType", "web_test").param("targetId", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Nhật ký kiểm toán")
                .contains("Cập nhật")
                .contains("Chi bộ 1")
                .contains("Chi bộ 2")
                .contains("Quyết định số 7");
        assertThat(count("SEARCH", id)).isOne();
    }

    @Test
    void historyFragmentTellsWhoChangedWhatWhen() throws Exception {
        String id = changeSomething();
        String html = mvc(AUDITOR)
                .perform(get("/audit/history").param("targetType", "web_test").param("targetId", id))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Lịch sử thay đổi")
                .contains("<del>Chi bộ 1</del>")
                .contains("<ins>Chi bộ 2</ins>")
                .contains("tester");
    }

    @Test
    void csvExportIsItselfAudited() throws Exception {
        String id = changeSomething();
        String csv = mvc(AUDITOR)
                .perform(get("/audit/export.csv").param("targetId", id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSố thứ tự,Thời điểm").contains("Cập nhật,web_test," + id);
        assertThat(csv).contains("Tên: Chi bộ 1 → Chi bộ 2").doesNotContain(",UPDATE,");
        assertThat(count("EXPORT", id)).isOne();
    }

    @Test
    void eventsApiPagesNewestFirst() throws Exception {
        String id = changeSomething();
        mvc(AUDITOR)
                .perform(get("/api/v1/audit/events").param("targetId", id).param("action", "UPDATE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].targetId").value(id))
                .andExpect(jsonPath("$.items[0].changes.name.oldValue").value("Chi bộ 1"))
                .andExpect(jsonPath("$.hasNext").value(false));
    }

    @Test
    void checkpointOnDemandAnswersASignedNote() throws Exception {
        changeSomething();
        String note = mvc(AUDITOR)
                .perform(post("/api/v1/audit/checkpoints"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(note).startsWith("partywork.local/audit/").contains("\n\n\u2014 partywork.local/audit ");
    }

    /** P-AU-2: the auditor reads names and labels, not codes, ids and the server's view of an address. */
    @Test
    void theAuditorReadsTheLogInPeoplesWordsNotCodesAndIds() {
        PageSession auditor = PageSession.login(port, "kiemtoan");
        String members = auditor.get("/audit?targetType=member&action=CREATE").body();
        assertThat(members)
                .contains("Đảng viên") // the target type's label
                .contains("Chính thức") // the member's status, named by the member module
                .containsPattern("Ngày sinh</strong>: <span>\\d{2}/\\d{2}/\\d{4}")
                .doesNotContain("member #")
                .doesNotContain("OFFICIAL")
                .doesNotContain("Sử dụng AI");
        String fullName = jdbc.sql("SELECT full_name FROM member.member ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single();
        assertThat(auditor.get("/audit?targetType=member&action=CREATE").body()).contains(fullName);
        // The filter offers the kinds of record by their names.
        assertThat(members).containsPattern("<option value=\"organisation\"[^>]*>Tổ chức đảng</option>");

        String logins = auditor.get("/audit?action=LOGIN").body();
        assertThat(logins)
                .contains("máy chủ (nội bộ)")
                .doesNotContain("0:0:0:0:0:0:0:1")
                .contains("Kênh</span>: <span>web");
        String organisations =
                auditor.get("/audit?targetType=organisation&action=CREATE").body();
        assertThat(organisations).contains("Loại hình").doesNotContain("→ CELL").doesNotContain(": CELL");
    }

    @Test
    void addressesReadAsPeopleWriteThem() {
        assertThat(names.address("0:0:0:0:0:0:0:1")).isEqualTo("máy chủ (nội bộ)");
        assertThat(names.address("127.0.0.1")).isEqualTo("máy chủ (nội bộ)");
        assertThat(names.address("203.113.5.9")).isEqualTo("203.113.5.9");
        assertThat(names.address("0:0:0:0:0:ffff:cb71:509")).isEqualTo("203.113.5.9");
        assertThat(names.address("2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(names.address("not-an-address")).isEqualTo("not-an-address");
    }

    private String changeSomething() {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> audit.record(AuditEvent.of(AuditAction.UPDATE, "web_test", id)
                        .change("name", "Chi bộ 1", "Chi bộ 2")
                        .basis("Quyết định số 7")
                        .actorIdentifier("tester")
                        .build()));
        return id;
    }

    private long count(String action, String id) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = :a AND details::text LIKE :id")
                .param("a", action)
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    private MockMvc mvc(AccessScope scope) {
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(templates);
        views.setCharacterEncoding("UTF-8");
        return MockMvcBuilders.standaloneSetup(new AuditApiController(trail), new AuditController(trail, names))
                .setCustomArgumentResolvers(new ScopeResolver(scope))
                .setControllerAdvice(new Refusals())
                .setViewResolvers(views)
                .build();
    }

    /** Stands in for the web module's error handlers: a refusal is a 403. */
    @RestControllerAdvice
    static class Refusals {
        @ExceptionHandler(DomainException.class)
        ResponseEntity<String> refused(DomainException e) {
            return ResponseEntity.status(e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 400)
                    .body(e.code());
        }
    }

    record ScopeResolver(AccessScope scope) implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == AccessScope.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            return scope;
        }
    }
}
