package vn.partywork.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkTest;
import vn.partywork.SuperuserDatabase;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditVerification;
import vn.partywork.audit.AuditVerifyCommand;

/**
 * P-AU-1: every kind of tampering is caught, naming the first broken sequence number, by both the
 * in-application verifier and the offline {@code audit-verify} command. Each test copies the live
 * log into a schema of its own ({@code tamper_<n>}: chain, instance, and an empty checkpoint table)
 * as the superuser, tampers with the copy the way a superuser could tamper with the original, and
 * drops it afterwards, so the shared {@code audit} schema stays intact for other test classes.
 */
@PartyworkTest
class AuditTamperingTests {

    private static final Pattern FIRST_BROKEN = Pattern.compile("\"firstBrokenSeq\":(\\w+)");
    private static int copies;

    @Autowired
    AuditLog audit;

    @Autowired
    ChainSealer sealer;

    @Autowired
    JdbcAuditTrail verifier;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    SuperuserDatabase postgres;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path files;

    String schema;
    long last;
    final List<Path> checkpointFiles = new ArrayList<>();

    @BeforeEach
    void copyTheLog() throws SQLException {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 25; i++) {
            int n = i;
            tx.executeWithoutResult(s -> audit.record(AuditEvent.of(AuditAction.UPDATE, "tamper_test", n)
                    .change("name", "Chi bộ " + n, "Chi bộ " + (n + 1))
                    .basis("Quyết định số " + n)
                    .build()));
        }
        sealer.sealAll();
        schema = "tamper_" + (++copies);
        sql(
                "CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".chain AS SELECT * FROM audit.chain",
                "CREATE TABLE " + schema + ".instance AS SELECT * FROM audit.instance",
                "CREATE TABLE " + schema + ".checkpoint AS SELECT * FROM audit.checkpoint WITH NO DATA",
                "GRANT USAGE ON SCHEMA " + schema + " TO partywork_app",
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO partywork_app");
        last = longValue("SELECT max(seq) FROM " + schema + ".chain");
        assertThat(last).isGreaterThanOrEqualTo(25);
    }

    @AfterEach
    void dropTheCopy() throws SQLException {
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void anUntouchedCopyVerifies() throws Exception {
        checkpointAt(last);
        assertThat(verifier.verify(schema)).isEqualTo(AuditVerification.intact(last));
        assertThat(offline()).isEqualTo("null");
    }

    @Test
    void changingOneFieldOfAnOldEventIsCaught() throws Exception {
        sql("UPDATE " + schema + ".chain SET basis = coalesce(basis, '') || ' (sửa)' WHERE seq = 5");
        assertBothName(5);
    }

    @Test
    void deletingAnEventIsCaught() throws Exception {
        sql("DELETE FROM " + schema + ".chain WHERE seq = 5");
        assertBothName(5);
    }

    @Test
    void swappingTwoEventsIsCaught() throws Exception {
        sql(
                "UPDATE " + schema + ".chain SET seq = -1 WHERE seq = 5",
                "UPDATE " + schema + ".chain SET seq = 5 WHERE seq = 6",
                "UPDATE " + schema + ".chain SET seq = 6 WHERE seq = -1");
        assertBothName(5);
    }

    @Test
    void insertingAForgedEventIsCaughtEvenWithAValidHashOfItsOwn() throws Exception {
        // The forger knows the algorithm: the forged event 5 chains correctly onto event 4, and the
        // old events move up by one. The old event 5, now 6, no longer matches.
        byte[] hash4 = hashAt(4);
        sql("UPDATE " + schema + ".chain SET seq = seq + 1 WHERE seq >= 5");
        StoredEvent forged = new StoredEvent(
                5,
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000,
                1,
                1L,
                "ke.gia.mao",
                null,
                null,
                "10.0.0.1",
                null,
                "DELETE",
                "member",
                "42",
                "UNCLASSIFIED",
                null,
                "{}",
                "{}");
        byte[] forgedHash = new EventCodec().hash(hash4, forged);
        try (Connection c = superuser();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO " + schema + ".chain"
                                + " (seq, occurred_at, tx, actor_id, actor_identifier, client_address, action, target_type, target_id,"
                                + " classification, changes, details, sealed_at, hash) VALUES (5, '2026-01-01T00:00:00Z', 1, 1,"
                                + " 'ke.gia.mao', '10.0.0.1', 'DELETE', 'member', '42', 'UNCLASSIFIED', '{}', '{}', now(), ?)")) {
            s.setBytes(1, forgedHash);
            s.executeUpdate();
        }
        assertBothName(6);
    }

    @Test
    void recomputingTheWholeChainAfterAnEditIsCaughtByTheCheckpoints() throws Exception {
        checkpointAt(3);
        checkpointAt(last);
        sql("UPDATE " + schema + ".chain SET actor_identifier = 'nguoi.khac' WHERE seq = 7");
        recomputeFrom(7);
        // The chain itself is consistent again; only the checkpoint at `last` disagrees, so the
        // break lies after the last checkpoint that still holds (3).
        assertBothName(4);
    }

    @Test
    void cuttingTheTailAfterACheckpointIsCaught() throws Exception {
        checkpointAt(last);
        sql("DELETE FROM " + schema + ".chain WHERE seq > " + (last - 3));
        assertBothName(last - 2);
    }

    @Test
    void committedEventsThatAreNotBeingChainedAreAFailureWithTheirAge() throws Exception {
        // P-AU-1: a stuck sealer left every later event pending while verification answered ok.
        sql(
                "CREATE TABLE " + schema + ".pending AS SELECT * FROM audit.pending WITH NO DATA",
                "GRANT SELECT ON " + schema + ".pending TO partywork_app",
                "INSERT INTO " + schema + ".pending (id, tx, occurred_at, action, target_type, classification,"
                        + " changes, details) VALUES (1, '1', now() - interval '10 minutes', 'READ', 'x',"
                        + " 'UNCLASSIFIED', '{}', '{}')");
        assertBothName(last + 1);
        assertThat(verifier.verify(schema).reason())
                .contains("1 committed events are not being chained")
                .contains(" s ");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        AuditKey other = AuditKey.generate(checkpoints.key().name());
        SignedCheckpoint forged = SignedCheckpoint.sign(checkpoints.origin(), last, hashAt(last), Instant.now(), other);
        Path file = files.resolve("forged-checkpoint");
        Files.writeString(file, forged.note(), StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(
                new String[] {
                    "audit-verify",
                    "--db-url",
                    url(),
                    "--schema",
                    schema,
                    "--key",
                    checkpoints.key().vkey(),
                    "--checkpoint",
                    file.toString()
                },
                new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"ok\":false")
                .contains("not signed by the trusted key");

        storeCheckpoint(forged);
        AuditVerification inApp = verifier.verify(schema);
        assertThat(inApp.ok()).isFalse();
        assertThat(inApp.reason()).contains("not signed by this deployment's key");
    }

    private void assertBothName(long seq) throws Exception {
        AuditVerification inApp = verifier.verify(schema);
        assertThat(inApp.ok()).as(inApp.reason()).isFalse();
        assertThat(inApp.firstBrokenSeq()).as(inApp.reason()).isEqualTo(seq);
        assertThat(offline()).isEqualTo(Long.toString(seq));
    }

    /** Runs the offline command against the copy with the checkpoint files; returns firstBrokenSeq. */
    private String offline() {
        List<String> args = new ArrayList<>(List.of(
                "audit-verify",
                "--db-url",
                url(),
                "--schema",
                schema,
                "--key",
                checkpoints.key().vkey()));
        checkpointFiles.forEach(f -> args.addAll(List.of("--checkpoint", f.toString())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(
                args.toArray(String[]::new), new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        String json = out.toString(StandardCharsets.UTF_8);
        Matcher m = FIRST_BROKEN.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        assertThat(exit).as(json).isEqualTo(m.group(1).equals("null") ? 0 : 1);
        return m.group(1);
    }

    private void checkpointAt(long seq) throws SQLException, IOException {
        SignedCheckpoint checkpoint =
                SignedCheckpoint.sign(checkpoints.origin(), seq, hashAt(seq), Instant.now(), checkpoints.key());
        storeCheckpoint(checkpoint);
        Path file = files.resolve("checkpoint-" + seq);
        Files.writeString(file, checkpoint.note(), StandardCharsets.UTF_8);
        checkpointFiles.add(file);
    }

    private void storeCheckpoint(SignedCheckpoint checkpoint) throws SQLException {
        try (Connection c = superuser();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + schema
                        + ".checkpoint (id, seq, hash, signed_at, key_name, note) VALUES (?, ?, ?, now(), 'k', ?)")) {
            s.setLong(1, System.nanoTime());
            s.setLong(2, checkpoint.seq());
            s.setBytes(3, checkpoint.hash());
            s.setString(4, checkpoint.note());
            s.executeUpdate();
        }
    }

    /** What a superuser who knows the algorithm does after an edit: recompute every later hash. */
    private void recomputeFrom(long from) throws SQLException {
        byte[] previous = hashAt(from - 1);
        EventCodec codec = new EventCodec();
        try (Connection c = superuser();
                PreparedStatement read = c.prepareStatement("SELECT seq, " + StoredEvent.COLUMNS + " FROM " + schema
                        + ".chain WHERE seq >= ? ORDER BY seq");
                PreparedStatement write =
                        c.prepareStatement("UPDATE " + schema + ".chain SET hash = ? WHERE seq = ?")) {
            read.setLong(1, from);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    previous = codec.hash(previous, StoredEvent.read(rs, seq));
                    write.setBytes(1, previous);
                    write.setLong(2, seq);
                    write.executeUpdate();
                }
            }
        }
    }

    private byte[] hashAt(long seq) throws SQLException {
        try (Connection c = superuser();
                PreparedStatement s = c.prepareStatement("SELECT hash FROM " + schema + ".chain WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private long longValue(String query) throws SQLException {
        try (Connection c = superuser();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private Connection superuser() throws SQLException {
        return postgres.connect();
    }

    private String url() {
        return postgres.url();
    }
}
