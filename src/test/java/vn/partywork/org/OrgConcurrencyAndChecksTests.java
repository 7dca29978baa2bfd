package vn.partywork.org;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.org.OrgFixture.day;
import static vn.partywork.org.OrgFixture.decision;
import static vn.partywork.org.OrgRestructuringTests.assertRefused;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.audit.AuditLog;
import vn.partywork.org.internal.Organisations;
import vn.partywork.org.internal.StructuralChanges;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

@PartyworkTest
class OrgConcurrencyAndChecksTests {

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    OrgStructure structure;

    @Autowired
    OrgSeeding seeding;

    @Autowired
    OrgDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    OrgFixture fx;
    OrgSummary province;
    AccessScope scope;

    @BeforeEach
    void setUp() {
        fx = new OrgFixture(restructuring, structure, seeding, directory, jdbc);
        province = fx.province(OrgFixture.unique("Tỉnh ủy"));
        scope = OrgFixture.writer(province);
    }

    @Test
    void concurrentRestructuringsOfOverlappingSubtreesKeepEveryPathConsistent() throws Exception {
        OrgSummary other = fx.province(OrgFixture.unique("Tỉnh ủy khác"));
        OrgSummary d1 = fx.establish(province, "D1", "Huyện ủy 1", OrgKind.UPPER_GRASSROOTS, day(1));
        OrgSummary g = fx.establish(d1, "G", "Đảng ủy xã G", OrgKind.GRASSROOTS_COMMITTEE, day(2));
        AccessScope both = fx.system;
        // One moves the district (and the commune G in it) to another province while the other
        // establishes a cell under G: whichever runs second must see the first one's result. Without
        // serialisation the move could miss the new cell (a phantom to its subtree lock) and leave it
        // on G's old path.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> results = List.of(
                    pool.submit(attempt(
                            start,
                            () -> restructuring.transfer(
                                    both,
                                    new TransferOrganisation(d1.id(), other.id(), decision(day(11)), day(11), null)))),
                    pool.submit(attempt(
                            start,
                            () -> restructuring.establish(
                                    both,
                                    new EstablishOrganisation(
                                            g.id(),
                                            "C",
                                            "Chi bộ C",
                                            OrgKind.CELL,
                                            decision(day(10)),
                                            day(10),
                                            null)))));
            start.countDown();
            for (Future<Object> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // The move always succeeds. The cell either came first (and must have moved with G) or came
        // second and was refused because G's current state began after the cell's date.
        assertThat(outcomes.get(0)).isInstanceOf(OrgSummary.class);
        if (outcomes.get(1) instanceof OrgSummary cell) {
            assertThat(directory.current(cell.id()).orElseThrow().path())
                    .isEqualTo(other.path() + "." + d1.id() + "." + g.id() + "." + cell.id());
        } else {
            assertThat(outcomes.get(1)).isEqualTo("org.effectiveDate.beforeParent");
        }
        long inconsistent = jdbc.sql("""
                SELECT count(*)
                  FROM org.organisation_version c
                  JOIN org.organisation_version p ON p.org_id = c.parent_id AND p.valid_to = 'infinity'
                 WHERE c.valid_to = 'infinity' AND c.path <> p.path || c.org_id::text
                """).query(Long.class).single();
        assertThat(inconsistent).isZero();
    }

    @Test
    void dissolutionIsRefusedWhileAnotherModuleObjects() {
        OrgSummary cell = fx.establish(province, "C", "Chi bộ cơ sở C", OrgKind.GRASSROOTS_CELL, day(1));
        DissolutionCheck accounts =
                orgId -> orgId == cell.id() ? Optional.of("org.dissolve.hasAccounts") : Optional.empty();
        OrgRestructuring guarded = new OrgRestructuring(
                context.getBean(Organisations.class),
                context.getBean(StructuralChanges.class),
                context.getBean(AuditLog.class),
                List.of(accounts),
                context,
                context.getBean(Clock.class));
        long before = fx.rows();

        assertRefused(
                () -> guarded.dissolve(scope, new DissolveOrganisation(cell.id(), decision(day(5)), day(5), null)),
                "org.dissolve.hasAccounts");
        assertThat(fx.rows()).isEqualTo(before);
        assertThat(directory.current(cell.id())).isPresent();
    }

    private static Callable<Object> attempt(CountDownLatch start, Callable<Object> action) {
        return () -> {
            start.await();
            try {
                return action.call();
            } catch (DomainException e) {
                return e.code();
            }
        };
    }
}
