package vn.partywork.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.NewAccount;
import vn.partywork.org.AbsorbOrganisation;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.MergeOrganisations;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;

/**
 * P-WF-1 with P-ORG-2: a restructuring never strands a request. The grassroots committee that was
 * to sign is absorbed into another, so the step goes to the absorbing committee; the subject cell
 * is merged with another, so the request and its cell step follow the merged cell.
 */
@PartyworkTest
class ActingOrganisationSuccessionTests {

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Grants grants;

    AccessScope staff;
    LocalDate today;
    OrgSummary committeeA;
    OrgSummary committeeB;
    OrgSummary cellC;
    OrgSummary cellD;

    @BeforeEach
    void buildATreeInHanoi() {
        long account = jdbc.sql("SELECT id FROM identity.account WHERE identifier = 'hn.tochuc'")
                .query(Long.class)
                .single();
        today = LocalDate.now();
        staff = scopes.forAccount(account, today);
        long hanoi = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = 'Đảng bộ Thành phố Hà Nội'")
                .query(Long.class)
                .single();
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
        committeeA = establish(hanoi, "A" + tag, "Đảng bộ phường Thử A " + tag, OrgKind.GRASSROOTS_COMMITTEE);
        committeeB = establish(hanoi, "B" + tag, "Đảng bộ phường Thử B " + tag, OrgKind.GRASSROOTS_COMMITTEE);
        cellC = establish(committeeA.id(), "C", "Chi bộ thử C", OrgKind.CELL);
        cellD = establish(committeeA.id(), "D", "Chi bộ thử D", OrgKind.CELL);
    }

    @Test
    void aStepOfAnAbsorbedCommitteeGoesToTheAbsorbingOne() {
        AccountView leaderB = accounts.createForSeeding(
                new NewAccount(
                        "lanhdao.b" + Long.toString(System.nanoTime(), 36),
                        "Lãnh đạo Đảng ủy B",
                        AccountType.USER,
                        committeeB.id(),
                        null,
                        null,
                        null),
                "Mat-Khau#Thu2026");
        grants.grantForSeeding(new NewGrant(
                leaderB.id(),
                Role.COMMITTEE_LEADER,
                committeeB.id(),
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.CONFIDENTIAL,
                today.minusDays(1),
                null,
                null,
                null));
        RequestDetails r = submit(cellC);
        r = approvals.act(
                staff, r.summary().id(), StepDecision.APPROVE, null, r.summary().version());
        assertThat(r.summary().actingOrgId()).isEqualTo(committeeA.id());

        restructuring.absorb(staff, new AbsorbOrganisation(committeeA.id(), committeeB.id(), decision(), today, null));

        long id = r.summary().id();
        // The module listener runs asynchronously after the restructuring commits.
        await().until(() -> approvals.details(staff, id).summary().actingOrgId(), b -> b == committeeB.id());
        RequestDetails after = approvals.details(staff, id);
        assertThat(after.summary().actingOrgId()).isEqualTo(committeeB.id());
        assertThat(after.summary().actingOrgName()).isEqualTo(committeeB.name());
        assertThat(after.summary().currentPosition()).isEqualTo(2);
        assertThat(after.summary().due()).isEqualTo(r.summary().due());
        assertThat(after.canAct()).isTrue();
        assertThat(auditedMoves(r.summary().id(), "actingOrgId")).isEqualTo(1);
        // The absorbing committee's leader is told of the step that is now theirs.
        await().until(() ->
                jdbc.sql("SELECT count(*) FROM notification.notification WHERE account_id = :a AND link = :l")
                                .param("a", leaderB.id())
                                .param("l", "/approvals/" + id)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void aRequestAboutAMergedCellFollowsTheMergedCell() {
        RequestDetails r = submit(cellC);

        OrgSummary merged = restructuring.merge(
                staff,
                new MergeOrganisations(
                        List.of(cellC.id(), cellD.id()),
                        committeeA.id(),
                        "CD",
                        "Chi bộ thử CD",
                        OrgKind.CELL,
                        decision(),
                        today,
                        null));

        long id = r.summary().id();
        await().until(() -> approvals.details(staff, id).summary().actingOrgId(), a -> a == merged.id());
        RequestDetails after = approvals.details(staff, id);
        assertThat(after.summary().subjectOrgName()).isEqualTo("Chi bộ thử CD");
        assertThat(after.summary().actingOrgId()).isEqualTo(merged.id());
        assertThat(auditedMoves(r.summary().id(), "subjectOrgId")).isEqualTo(1);
        // The merged cell's step can be acted on and the chain goes on to the committee.
        after = approvals.act(
                staff,
                after.summary().id(),
                StepDecision.APPROVE,
                null,
                after.summary().version());
        assertThat(after.summary().actingOrgId()).isEqualTo(committeeA.id());
    }

    /**
     * Filed by the central organisation staff: P-WF-1 separation of duties keeps the Hà Nội staff,
     * who act on the steps here, from acting on a request of their own.
     */
    private RequestDetails submit(OrgSummary cell) {
        long submitter = jdbc.sql("SELECT id FROM identity.account WHERE identifier = 'tw.tochuc'")
                .query(Long.class)
                .single();
        return approvals.submit(
                scopes.forAccount(submitter, today),
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        cell.id(),
                        "test-succession",
                        "X",
                        "Cập nhật thử",
                        List.of(new ProposedChange("phone", "Số điện thoại", "1", "2"))));
    }

    private OrgSummary establish(long parent, String code, String name, OrgKind kind) {
        return restructuring.establish(
                staff,
                new EstablishOrganisation(
                        parent,
                        code,
                        name,
                        kind,
                        new Decision("1-QĐ", today.minusDays(30), "Thành ủy"),
                        today.minusDays(30),
                        null));
    }

    private Decision decision() {
        return new Decision("2-QĐ", today, "Thành ủy Hà Nội");
    }

    private long auditedMoves(long request, String field) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = 'approval_request' AND target_id = :id AND jsonb_exists(changes::jsonb, :field)""")
                .param("id", Long.toString(request))
                .param("field", field)
                .query(Long.class)
                .single();
    }
}
