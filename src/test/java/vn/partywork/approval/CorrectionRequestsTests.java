package vn.partywork.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.SubmitCorrection.Evidence;
import vn.partywork.approval.SubmitCorrection.FieldCorrection;
import vn.partywork.document.SampleFiles;
import vn.partywork.identity.MutableClock;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.RenameOrganisation;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * P-WF-3 through the module's API with the demo accounts' real scopes: the Hà Nội organisation
 * staff ({@code hn.tochuc}, READ+WRITE) ask to correct a typo in an organisation's name, the Hà Nội
 * committee leader ({@code hn.lanhdao}, READ+APPROVE) approves, and the org module applies it in
 * place with the request as its audit basis. Each test corrects its own fixture organisation.
 */
@PartyworkTest
class CorrectionRequestsTests {

    static final String HANOI = "Đảng bộ Thành phố Hà Nội";

    @Autowired
    CorrectionRequests corrections;

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApprovalAlerts alerts;

    @Autowired
    MutableClock clock;

    AccessScope scope(String identifier) {
        long id = jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
        return scopes.forAccount(id, LocalDate.now(clock));
    }

    long org(String name) {
        return jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /** A grassroots cell under Hà Nội whose recorded name has a typo ("Kiểm Thủ" for "Kiểm Thử"). */
    long fixtureCell(String code) {
        return restructuring
                .establish(
                        scope("hn.tochuc"),
                        new EstablishOrganisation(
                                org(HANOI),
                                code,
                                "Chi bộ Kiểm Thủ " + code,
                                OrgKind.GRASSROOTS_CELL,
                                new Decision(code + "-QĐ/TU", LocalDate.of(2020, 1, 1), "Ban Thường vụ Thành ủy"),
                                LocalDate.of(2020, 1, 1),
                                null))
                .id();
    }

    static String code(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase(java.util.Locale.ROOT);
    }

    static List<Evidence> evidence() {
        return List.of(new Evidence("quyet-dinh-thanh-lap.pdf", SampleFiles.pdf("QĐ " + System.nanoTime())));
    }

    SubmitCorrection nameCorrection(long orgId, String oldName, String newName, String reason, List<Evidence> files) {
        return new SubmitCorrection(
                "organisation",
                String.valueOf(orgId),
                List.of(new FieldCorrection("name", oldName, newName)),
                reason,
                files);
    }

    String name(long orgId) {
        return jdbc.sql("SELECT name FROM org.current_organisation WHERE org_id = :id")
                .param("id", orgId)
                .query(String.class)
                .single();
    }

    /** Rows of the tables a correction request writes: equal before and after means nothing was kept. */
    String footprint() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM approval.request) || '/' || (SELECT count(*) FROM approval.correction)
                    || '/' || (SELECT count(*) FROM approval.request_step) || '/' || (SELECT count(*) FROM document.document)
                    || '/' || (SELECT md5(string_agg(v::text, '|' ORDER BY v.id)) FROM org.organisation_version v)
                """).query(String.class).single();
    }

    @Test
    void theHeadOfTheUnitApprovesAndTheNameIsCorrectedInPlaceWithTheRequestAsAuditBasis() {
        String code = code("DC");
        long cell = fixtureCell(code);
        String typo = "Chi bộ Kiểm Thủ " + code;
        String fixed = "Chi bộ Kiểm Thử " + code;
        long versionsBefore = versions(cell);

        RequestDetails r = corrections.submit(
                scope("hn.tochuc"), nameCorrection(cell, typo, fixed, "Lỗi gõ dấu khi nhập liệu", evidence()));
        long id = r.summary().id();
        assertThat(r.summary().chainCode()).isEqualTo("DATA_CORRECTION");
        assertThat(r.summary().actingOrgId()).isEqualTo(cell);
        assertThat(r.changes()).containsExactly(new ProposedChange("name", "Tên tổ chức đảng", typo, fixed));
        assertThat(name(cell)).as("nothing changes before the approval").isEqualTo(typo);

        // The submitter sees the request, with its evidence, but acts on nothing; the leader has it in the inbox.
        CorrectionDetails details = corrections.details(scope("hn.tochuc"), id).orElseThrow();
        assertThat(details.reason()).isEqualTo("Lỗi gõ dấu khi nhập liệu");
        assertThat(details.evidence()).singleElement().satisfies(d -> {
            assertThat(d.originalName()).isEqualTo("quyet-dinh-thanh-lap.pdf");
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(d.sha256()).hasSize(64);
        });
        assertThat(approvals.details(scope("hn.tochuc"), id).canAct()).isFalse();
        assertThat(approvals.inbox(scope("hn.tochuc")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);
        assertThat(approvals.inbox(scope("hn.lanhdao")))
                .extracting(RequestSummary::id)
                .contains(id);
        assertThat(approvals.details(scope("hn.lanhdao"), id).canAct()).isTrue();

        RequestDetails done = approvals.act(
                scope("hn.lanhdao"),
                id,
                StepDecision.APPROVE,
                "Đồng ý đính chính",
                r.summary().version());
        assertThat(done.summary().status()).isEqualTo(ApprovalStatus.COMPLETED);

        assertThat(name(cell)).isEqualTo(fixed);
        assertThat(versions(cell)).as("a correction opens no new version").isEqualTo(versionsBefore);
        Map<String, Object> event =
                jdbc.sql("""
                SELECT actor_identifier, basis, changes -> 'name' ->> 'old' AS old_name,
                       changes -> 'name' ->> 'new' AS new_name, changes -> 'code' IS NOT NULL AS code_changed,
                       details ->> 'correctionRequest' AS request, details ->> 'operation' AS operation
                  FROM audit.event
                 WHERE target_type = 'organisation' AND target_id = :org AND action = 'UPDATE'
                 ORDER BY seq DESC LIMIT 1""").param("org", String.valueOf(cell)).query().singleRow();
        assertThat(event)
                .containsEntry("actor_identifier", "hn.lanhdao")
                .containsEntry("basis", "Phiếu yêu cầu chỉnh sửa số " + id)
                .containsEntry("old_name", typo)
                .containsEntry("new_name", fixed)
                .containsEntry("code_changed", false)
                .containsEntry("request", String.valueOf(id))
                .containsEntry("operation", "CORRECTION");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = 'correction_request' AND target_id = :id AND details ->> 'reason' = 'Lỗi gõ dấu khi nhập liệu'""")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyAHolderOfApproveMayApproveACorrection() {
        String code = code("DQ");
        long cell = fixtureCell(code);
        RequestDetails r = corrections.submit(
                scope("hn.tochuc"),
                nameCorrection(cell, "Chi bộ Kiểm Thủ " + code, "Chi bộ Kiểm Thử " + code, "Lỗi gõ", evidence()));
        long id = r.summary().id();
        int v = r.summary().version();
        // Central organisation staff hold WRITE over all of Hà Nội, but not APPROVE: not the head of the unit.
        assertThatThrownBy(() -> approvals.act(scope("tw.tochuc"), id, StepDecision.APPROVE, null, v))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("approval.step.notYours");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        assertThat(approvals.inbox(scope("tw.tochuc")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);
        // Outside Hà Nội the request does not exist.
        assertThatThrownBy(() -> approvals.act(scope("hcm.tochuc"), id, StepDecision.APPROVE, null, v))
                .hasFieldOrPropertyWithValue("code", "approval.request.notFound");
        assertThat(name(cell)).isEqualTo("Chi bộ Kiểm Thủ " + code);
        assertThat(approvals.details(scope("hn.tochuc"), id).summary().status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        // Only the head of the unit is told: not the WRITE-only staff, not the submitter.
        long step = jdbc.sql("SELECT id FROM approval.request_step WHERE request_id = :id AND outcome IS NULL")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(alerts.accountsToAct(step))
                .contains(scope("hn.lanhdao").accountId())
                .doesNotContain(
                        scope("hn.tochuc").accountId(), scope("tw.tochuc").accountId());
    }

    @Test
    void withoutEvidenceOrReasonOrWithAStaleOldValueNothingIsKept() {
        String code = code("DR");
        long cell = fixtureCell(code);
        String typo = "Chi bộ Kiểm Thủ " + code;
        String fixed = "Chi bộ Kiểm Thử " + code;
        AccessScope staff = scope("hn.tochuc");
        String before = footprint();

        assertRefused(
                () -> corrections.submit(staff, nameCorrection(cell, typo, fixed, "Lỗi gõ", List.of())),
                "approval.correction.evidence.required");
        assertRefused(
                () -> corrections.submit(staff, nameCorrection(cell, typo, fixed, "   ", evidence())),
                "approval.correction.reason.required");
        assertRefused(
                () -> corrections.submit(staff, nameCorrection(cell, "Chi bộ khác", fixed, "Lỗi gõ", evidence())),
                "approval.correction.stale");
        assertRefused(
                () -> corrections.submit(staff, nameCorrection(cell, typo, typo, "Lỗi gõ", evidence())),
                "approval.correction.unchanged");
        assertRefused(
                () -> corrections.submit(
                        staff,
                        new SubmitCorrection(
                                "organisation",
                                String.valueOf(cell),
                                List.of(new FieldCorrection("kind", "GRASSROOTS_CELL", "CELL")),
                                "Lỗi",
                                evidence())),
                "approval.correction.field.unknown");
        assertRefused(
                () -> corrections.submit(staff, nameCorrection(cell, typo, " ", "Lỗi gõ", evidence())),
                "org.name.required");
        // The last file is refused after the request and the first file were written: all of it goes.
        assertRefused(
                () -> corrections.submit(
                        staff,
                        nameCorrection(
                                cell,
                                typo,
                                fixed,
                                "Lỗi gõ",
                                List.of(
                                        new Evidence("bien-ban.pdf", SampleFiles.pdf("ok " + code)),
                                        new Evidence("virus.pdf", "MZ\u0090 not a pdf".getBytes())))),
                "document.type.notAllowed");
        assertThatThrownBy(() -> corrections.submit(
                        scope("dangvien.demo"), nameCorrection(cell, typo, fixed, "Lỗi gõ", evidence())))
                .hasFieldOrPropertyWithValue("code", "approval.correction.record.notFound");
        // The generic API cannot file a correction without reason and evidence.
        assertRefused(
                () -> approvals.submit(
                        staff,
                        new SubmitRequest(
                                "DATA_CORRECTION",
                                cell,
                                "organisation",
                                String.valueOf(cell),
                                "Đính chính",
                                List.of(new ProposedChange("name", null, typo, fixed)))),
                "approval.chain.correctionOnly");

        assertThat(footprint()).isEqualTo(before);
        assertThat(name(cell)).isEqualTo(typo);
    }

    @Test
    void aValueChangedAfterSubmissionRefusesTheApprovalAndTheRequestStaysAtItsStep() {
        String code = code("DS");
        long cell = fixtureCell(code);
        String typo = "Chi bộ Kiểm Thủ " + code;
        RequestDetails r = corrections.submit(
                scope("hn.tochuc"), nameCorrection(cell, typo, "Chi bộ Kiểm Thử " + code, "Lỗi gõ", evidence()));
        long id = r.summary().id();
        // Meanwhile the cell is renamed by a decision.
        String renamed = "Chi bộ Tổ dân phố " + code;
        restructuring.rename(
                scope("hn.tochuc"),
                new RenameOrganisation(
                        cell,
                        renamed,
                        null,
                        new Decision(code + "-ĐT/TU", LocalDate.now(clock), "Ban Thường vụ Thành ủy"),
                        LocalDate.now(clock),
                        null));

        assertRefused(
                () -> approvals.act(
                        scope("hn.lanhdao"),
                        id,
                        StepDecision.APPROVE,
                        null,
                        r.summary().version()),
                "approval.correction.stale");

        assertThat(name(cell)).isEqualTo(renamed);
        RequestDetails after = approvals.details(scope("hn.lanhdao"), id);
        assertThat(after.summary().status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(after.summary().version()).isEqualTo(r.summary().version());
        assertThat(after.trail()).extracting(TrailEntry::action).containsExactly("SUBMIT");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE basis = :basis")
                        .param("basis", "Phiếu yêu cầu chỉnh sửa số " + id)
                        .query(Long.class)
                        .single())
                .isZero();
        // The leader can still reject it.
        RequestDetails rejected = approvals.act(
                scope("hn.lanhdao"),
                id,
                StepDecision.REJECT,
                "Tên đã đổi theo quyết định",
                after.summary().version());
        assertThat(rejected.summary().status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void theSubmitterOfARequestActsOnNoneOfItsSteps() {
        // The cell secretary could confirm at her cell's step, but not a request she filed herself.
        AccessScope secretary = scope("bithu.demo");
        RequestDetails r = approvals.submit(
                secretary,
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        org("Chi bộ Tổ dân phố Hàng Bạc"),
                        "test-member-update",
                        "DO-THI-LAN",
                        "Đỗ Thị Lan: đổi số điện thoại",
                        List.of(new ProposedChange("phone", "Số điện thoại", "0913 000 001", "0913 000 002"))));
        long id = r.summary().id();
        assertThat(r.summary().actingOrgName()).isEqualTo("Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(r.canAct()).isFalse();
        assertThat(approvals.inbox(secretary)).extracting(RequestSummary::id).doesNotContain(id);
        assertThatThrownBy(() -> approvals.act(
                        secretary, id, StepDecision.APPROVE, null, r.summary().version()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("approval.step.ownRequest");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        assertThatThrownBy(() -> approvals.act(
                        secretary,
                        id,
                        StepDecision.REJECT,
                        "Tự từ chối",
                        r.summary().version()))
                .hasFieldOrPropertyWithValue("code", "approval.step.ownRequest");
        // Someone else with the power to act at the step still can.
        AccessScope staff = scope("hn.tochuc");
        assertThat(approvals.details(staff, id).canAct()).isTrue();
        RequestDetails confirmed =
                approvals.act(staff, id, StepDecision.APPROVE, null, r.summary().version());
        assertThat(confirmed.summary().currentPosition()).isEqualTo(2);
    }

    long versions(long orgId) {
        return jdbc.sql("SELECT count(*) FROM org.organisation_version WHERE org_id = :id")
                .param("id", orgId)
                .query(Long.class)
                .single();
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .as(code)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
