package vn.partywork.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkTest;
import vn.partywork.SuperuserDatabase;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditRecord;
import vn.partywork.audit.AuditTrail;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/** P-AU-1: events commit with their change, never without it, fail closed, and chain without gaps. */
@PartyworkTest
class AuditLogTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcAuditTrail verifier;

    @Autowired
    ChainSealer sealer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SuperuserDatabase postgres;

    @Test
    void committedChangeHasItsEventWithOldAndNewValuesAndIsChained() {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> audit.record(AuditEvent.of(AuditAction.UPDATE, "test_record", id)
                        .change("name", "Cũ", "Mới")
                        .basis("Quyết định số 12-QĐ/TU")
                        .classification(Classification.CONFIDENTIAL)
                        .actingAs(5L, 7L)
                        .actorIdentifier("tester")
                        .build()));

        sealer.sealAll();

        List<AuditRecord> history = trail.history("test_record", id);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.chained()).isTrue();
            assertThat(r.action()).isEqualTo("UPDATE");
            assertThat(r.changes().get("name").oldValue()).isEqualTo("Cũ");
            assertThat(r.changes().get("name").newValue()).isEqualTo("Mới");
            assertThat(r.basis()).isEqualTo("Quyết định số 12-QĐ/TU");
            assertThat(r.classification()).isEqualTo("CONFIDENTIAL");
            assertThat(r.actingOrgId()).isEqualTo(5L);
            assertThat(r.grantId()).isEqualTo(7L);
            assertThat(r.actorIdentifier()).isEqualTo("tester");
        });
    }

    @Test
    void anEventWithHugeOutsiderTextIsStoredBoundedAndDoesNotStopTheChain() {
        // P-AU-1: defence in depth below the identity module's own bound: audit.append bounds the
        // short columns, and the chain's indexes index bounded prefixes only.
        StringBuilder huge = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 5_000; i++) {
            huge.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        String id = UUID.randomUUID().toString();
        audit.record(AuditEvent.of(AuditAction.LOGIN_FAILED, "test_huge", id + huge)
                .actorIdentifier(huge.toString())
                .build());
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> audit.record(
                        AuditEvent.of(AuditAction.UPDATE, "test_record", id).build()));

        sealer.sealAll();

        assertThat(jdbc.sql("SELECT length(actor_identifier) <= 82 AND length(target_id) <= 218"
                                + " AND actor_identifier LIKE '%…#%' FROM audit.chain WHERE target_type = 'test_huge'"
                                + " AND target_id LIKE :p")
                        .param("p", id + "%")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(trail.history("test_record", id))
                .singleElement()
                .satisfies(r -> assertThat(r.chained()).isTrue());
    }

    @Test
    void rolledBackChangeLeavesNoEvent() {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditEvent.of(AuditAction.UPDATE, "test_record", id)
                    .change("name", "a", "b")
                    .build());
            status.setRollbackOnly();
        });
        sealer.sealAll();
        assertThat(count(id)).isZero();
        assertThat(trail.history("test_record", id)).isEmpty();
    }

    @Test
    void failingToWriteTheEventFailsTheWholeChange() {
        String id = UUID.randomUUID().toString();
        @SuppressWarnings("NullAway")
        AuditEvent broken = new AuditEvent(
                AuditAction.UPDATE,
                null,
                id,
                Classification.UNCLASSIFIED,
                null,
                java.util.Map.of(),
                java.util.Map.of(),
                null);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    audit.record(
                            AuditEvent.of(AuditAction.UPDATE, "test_record", id).build());
                    audit.record(broken);
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(count(id)).isZero();
    }

    @Test
    void readsInReadOnlyTransactionsAreRecordedToo() {
        String id = UUID.randomUUID().toString();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status ->
                audit.record(AuditEvent.of(AuditAction.READ, "test_record", id).build()));
        assertThat(count(id)).isOne();
    }

    @Test
    void eightThreadsOfAThousandAuditedChangesMakeOneValidChainWithoutGaps() throws Exception {
        String run = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    int n = i;
                    tx.executeWithoutResult(status ->
                            audit.record(AuditEvent.of(AuditAction.UPDATE, "load_test", run + "/" + thread + "/" + n)
                                    .change("n", n, n + 1)
                                    .build()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        sealer.sealAll();

        assertThat(jdbc.sql("SELECT count(*) FROM audit.chain WHERE target_type = 'load_test' AND target_id LIKE :p")
                        .param("p", run + "/%")
                        .query(Long.class)
                        .single())
                .isEqualTo(8000);
        assertThat(jdbc.sql("SELECT count(*) = max(seq) AND min(seq) = 1 FROM audit.chain")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(verifier.verify("audit").ok()).isTrue();
    }

    @Test
    void anEventOfAnOlderTransactionThatCommitsLaterIsChainedBeforeNothingItCouldPrecede() throws Exception {
        String older = UUID.randomUUID().toString();
        String younger = UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slow = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditEvent.of(AuditAction.UPDATE, "order_test", older).build());
            written.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        written.await();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> audit.record(
                        AuditEvent.of(AuditAction.UPDATE, "order_test", younger).build()));
        sealer.sealAll();
        // The younger transaction has committed, but the older one could still commit an event that
        // sorts before it: it waits.
        assertThat(chainedSeq(younger)).isNull();

        release.countDown();
        slow.get();
        pool.shutdown();
        sealer.sealAll();
        assertThat(chainedSeq(older)).isNotNull();
        assertThat(chainedSeq(younger)).isEqualTo(chainedSeq(older) + 1);
        assertThat(verifier.verify("audit").ok()).isTrue();
    }

    private Long chainedSeq(String targetId) {
        return jdbc.sql("SELECT seq FROM audit.chain WHERE target_type = 'order_test' AND target_id = :id")
                .param("id", targetId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void applicationRoleCannotUpdateDeleteTruncateOrInsertAuditRows() {
        audit.record(AuditEvent.of(AuditAction.READ, "test_record", "x").build());
        sealer.sealAll();
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("partywork_app");
        for (String sql : List.of(
                "UPDATE audit.chain SET actor_identifier = 'x' WHERE seq = 1",
                "DELETE FROM audit.chain WHERE seq = 1",
                "TRUNCATE audit.chain",
                "TRUNCATE audit.chain_default",
                "DELETE FROM audit.pending",
                "UPDATE audit.checkpoint SET note = ''",
                "DELETE FROM audit.checkpoint",
                "INSERT INTO audit.chain (seq, occurred_at, tx, action, target_type, classification, changes, details, hash)"
                        + " VALUES (999999, now(), 1, 'READ', 'x', 'UNCLASSIFIED', '{}', '{}', '\\x00')")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .as(sql)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void triggersRefuseChangesEvenFromTheSuperuser() throws SQLException {
        audit.record(AuditEvent.of(AuditAction.READ, "test_record", "y").build());
        sealer.sealAll();
        try (Connection c = postgres.connect();
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit.chain SET actor_identifier = 'x' WHERE seq = 1",
                    "DELETE FROM audit.chain WHERE seq = 1",
                    "TRUNCATE audit.chain_default")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void onlyAuditorsMayReadTheLog() {
        assertThatThrownBy(() -> trail.verify(AuditFixture.clerk()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("audit.forbidden"));
        assertThatThrownBy(() -> trail.search(AuditFixture.clerk(), vn.partywork.audit.AuditQuery.all(), 0, 10))
                .isInstanceOf(DomainException.class);
    }

    private long count(String targetId) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE target_id = :id")
                .param("id", targetId)
                .query(Long.class)
                .single();
    }
}
