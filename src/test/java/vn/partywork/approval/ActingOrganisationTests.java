package vn.partywork.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;

/**
 * P-WF-1: which organisation acts on each step, resolved from the subject organisation's current
 * path in the demo tree (cells under a grassroots committee, a grassroots cell, a committee under
 * an upper-grassroots committee).
 */
@PartyworkTest
class ActingOrganisationTests {

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    OrgDirectory orgs;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    OrgSummary org(String name) {
        long id = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        return orgs.current(id).orElseThrow();
    }

    String acting(ActingLevel level, String subject) {
        return approvals.actingOrg(level, org(subject)).name();
    }

    @Test
    void aCellUnderAWardCommitteeGoesToTheWardAndThenTheProvince() {
        assertThat(acting(ActingLevel.SUBJECT_CELL, "Chi bộ Tổ dân phố Hàng Bạc"))
                .isEqualTo("Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(acting(ActingLevel.GRASSROOTS, "Chi bộ Tổ dân phố Hàng Bạc")).isEqualTo("Đảng bộ phường Hoàn Kiếm");
        assertThat(acting(ActingLevel.UPPER, "Chi bộ Tổ dân phố Hàng Bạc")).isEqualTo("Đảng bộ Thành phố Hà Nội");
    }

    @Test
    void aCellOfAnAgencyCommitteeGoesToTheUpperGrassrootsCommittee() {
        String cell = "Chi bộ Phòng Tổ chức đảng, đảng viên";
        assertThat(acting(ActingLevel.GRASSROOTS, cell)).isEqualTo("Đảng bộ Ban Tổ chức Thành ủy");
        assertThat(acting(ActingLevel.UPPER, cell)).isEqualTo("Đảng bộ các cơ quan Đảng Thành phố Hà Nội");
    }

    @Test
    void aGrassrootsCellIsItsOwnCellAndGrassrootsLevel() {
        String cell = "Chi bộ Văn phòng Thành ủy";
        OrgSummary vp = jdbc.sql("""
                SELECT org_id FROM org.current_organisation WHERE name = :n AND kind = 'GRASSROOTS_CELL'""").param("n", cell).query(Long.class).list().stream()
                .findFirst()
                .flatMap(orgs::current)
                .orElseThrow();
        assertThat(approvals.actingOrg(ActingLevel.SUBJECT_CELL, vp).id()).isEqualTo(vp.id());
        assertThat(approvals.actingOrg(ActingLevel.GRASSROOTS, vp).id()).isEqualTo(vp.id());
        assertThat(orgs.current(approvals.actingOrg(ActingLevel.UPPER, vp).id())
                        .orElseThrow()
                        .kind()
                        .name())
                .isEqualTo("UPPER_GRASSROOTS");
    }

    @Test
    void aMemberChainStartsOnlyAtACellAndACadreChainNeedsTheCadreDatabase() {
        long staffId = jdbc.sql("SELECT id FROM identity.account WHERE identifier = 'hn.tochuc'")
                .query(Long.class)
                .single();
        AccessScope staff = scopes.forAccount(staffId, LocalDate.now());
        List<ProposedChange> change = List.of(new ProposedChange("phone", null, "1", "2"));
        assertThatThrownBy(() -> approvals.submit(
                        staff,
                        new SubmitRequest(
                                "MEMBER_UPDATE",
                                org("Đảng bộ phường Hoàn Kiếm").id(),
                                "t",
                                "1",
                                "Không phải chi bộ",
                                change)))
                .hasFieldOrPropertyWithValue("code", "approval.subject.notCell");
        // hn.tochuc holds the organisation and member databases only.
        assertThatThrownBy(() -> approvals.submit(
                        staff,
                        new SubmitRequest(
                                "CADRE_DECLARATION",
                                org("Chi bộ Tổ dân phố Hàng Bạc").id(),
                                "t",
                                "1",
                                "Cán bộ",
                                change)))
                .hasFieldOrPropertyWithValue("code", "approval.subject.notFound");
        assertThatThrownBy(() -> approvals.submit(
                        staff,
                        new SubmitRequest(
                                "MEMBER_UPDATE",
                                org("Chi bộ Tổ dân phố Hàng Bạc").id(),
                                "t",
                                "1",
                                "Trống",
                                List.of())))
                .hasFieldOrPropertyWithValue("code", "approval.changes.empty");
        assertThatThrownBy(() -> approvals.submit(
                        staff,
                        new SubmitRequest(
                                "MEMBER_UPDATE",
                                org("Chi bộ Tổ dân phố Hàng Bạc").id(),
                                "t",
                                "1",
                                "Quá dài",
                                List.of(new ProposedChange(
                                        "note", null, null, "x".repeat(ApprovalRequests.MAX_VALUE + 1))))))
                .hasFieldOrPropertyWithValue("code", "approval.changes.tooLong");
    }
}
