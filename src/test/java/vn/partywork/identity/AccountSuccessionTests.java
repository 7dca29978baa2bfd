package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.org.AbsorbOrganisation;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * P-ORG-2 with P-ID-2 (issue 6): an account homed at an organisation that is absorbed into another
 * moves to the absorbing organisation, audited with the structural change as its basis, so that no
 * account is left homed at an organisation that no longer exists.
 */
@PartyworkTest
class AccountSuccessionTests {

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    AccessScopes scopes;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountHomedAtAnAbsorbedCommitteeMovesToTheAbsorbingOne() {
        LocalDate today = LocalDate.now();
        AccessScope staff = scopes.forAccount(
                accounts.byIdentifier("hn.tochuc").orElseThrow().id(), today);
        long hanoi = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = 'Đảng bộ Thành phố Hà Nội'")
                .query(Long.class)
                .single();
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
        OrgSummary a = establish(staff, hanoi, "TA" + tag, "Đảng bộ phường Tài khoản A " + tag, today);
        OrgSummary b = establish(staff, hanoi, "TB" + tag, "Đảng bộ phường Tài khoản B " + tag, today);
        AccountView homedAtA = new Fixtures(jdbc, administration).account(AccountType.USER, a.id());
        AccountView homedAtB = new Fixtures(jdbc, administration).account(AccountType.USER, b.id());

        restructuring.absorb(
                staff,
                new AbsorbOrganisation(a.id(), b.id(), new Decision("5-QĐ", today, "Thành ủy Hà Nội"), today, null));

        // The module listener runs after the restructuring commits.
        await().until(() -> accounts.byId(homedAtA.id()).orElseThrow().homeOrgId(), home -> home == b.id());
        assertThat(accounts.byId(homedAtB.id()).orElseThrow().homeOrgId()).isEqualTo(b.id());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'UPDATE' AND target_type = 'account' AND target_id = :id
                   AND jsonb_exists(changes::jsonb, 'homeOrgId') AND basis LIKE 'Thay đổi tổ chức số %'""")
                        .param("id", String.valueOf(homedAtA.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private OrgSummary establish(AccessScope staff, long parent, String code, String name, LocalDate today) {
        return restructuring.establish(
                staff,
                new EstablishOrganisation(
                        parent,
                        code,
                        name,
                        OrgKind.GRASSROOTS_COMMITTEE,
                        new Decision("1-QĐ", today.minusDays(30), "Thành ủy"),
                        today.minusDays(30),
                        null));
    }
}
