package vn.partywork.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P-AU-1: signs the head of the chain with the deployment's Ed25519 key, stores the signed note in
 * {@code audit.checkpoint} and writes it to {@code <checkpoint-dir>/<log id>/}, outside the
 * database, on a schedule and on demand. The origin line is {@code <key name>/<log id>}.
 */
@Component
public class Checkpoints {

    static final long CHECKPOINT_LOCK = 7242013002L;
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final ChainSealer sealer;
    private final AuditSettings settings;
    private final AuditKey key;
    private final List<AuditKey> trustedKeys = new ArrayList<>();
    private final TransactionTemplate transaction;

    Checkpoints(
            JdbcClient jdbc,
            ChainSealer sealer,
            AuditSettings settings,
            PlatformTransactionManager transactions,
            Environment environment)
            throws IOException {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        boolean generate = settings.generateKey() != null
                ? settings.generateKey()
                : environment.getProperty("partywork.demo.enabled", Boolean.class, false);
        this.key = AuditKey.load(settings.keyPath(), settings.keyName(), generate);
        trustedKeys.add(key);
        settings.previousKeys().forEach(vkey -> trustedKeys.add(AuditKey.verifier(vkey)));
        log.info("Audit checkpoints are signed with key {}", key.vkey());
    }

    public AuditKey key() {
        return key;
    }

    public String logId() {
        return jdbc.sql("SELECT log_id::text FROM audit.instance")
                .query(String.class)
                .single();
    }

    public String origin() {
        return key.name() + "/" + logId();
    }

    public Path directory() {
        return settings.checkpointDir().resolve(logId());
    }

    /** Chains what has committed and signs the head, even if it was signed before (on demand). */
    public Optional<SignedCheckpoint> checkpointNow() {
        sealer.sealAll();
        return sign(true);
    }

    void scheduled() {
        try {
            jdbc.sql("SELECT audit.ensure_partitions(CAST(:from AS date), 3)")
                    .param("from", LocalDate.now().minusMonths(1).toString())
                    .query((rs, n) -> 1)
                    .list();
            sealer.sealAll();
            sign(false);
        } catch (RuntimeException e) {
            log.error("Audit checkpoint failed", e);
        }
    }

    private Optional<SignedCheckpoint> sign(boolean always) {
        SignedCheckpoint signed = transaction.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", CHECKPOINT_LOCK)
                    .query(Boolean.class)
                    .single()) {
                return null;
            }
            ChainSealer.Head head = sealer.head();
            long last = jdbc.sql("SELECT coalesce(max(seq), -1) FROM audit.checkpoint")
                    .query(Long.class)
                    .single();
            if (head.seq() == 0 || (!always && head.seq() == last)) {
                return null;
            }
            SignedCheckpoint checkpoint = SignedCheckpoint.sign(
                    origin(),
                    head.seq(),
                    head.hash(),
                    Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS),
                    key);
            jdbc.sql("SELECT audit.add_checkpoint(:seq, :hash, :at, :key, :note)")
                    .param("seq", checkpoint.seq())
                    .param("hash", checkpoint.hash())
                    .param("at", Timestamp.from(checkpoint.time()))
                    .param("key", key.name())
                    .param("note", checkpoint.note())
                    .query((rs, n) -> 1)
                    .list();
            return checkpoint;
        });
        if (signed != null) {
            write(signed);
        }
        return Optional.ofNullable(signed);
    }

    private void write(SignedCheckpoint checkpoint) {
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "checkpoint", ".tmp");
            Files.writeString(tmp, checkpoint.note(), StandardCharsets.UTF_8);
            Files.copy(tmp, dir.resolve("checkpoint-" + checkpoint.seq()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve("latest"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint to " + settings.checkpointDir(), e);
        }
    }

    /**
     * The checkpoints to verify against: every one stored in {@code <schema>.checkpoint} and the
     * latest file of this log. Throws {@link IllegalArgumentException} naming the first one whose
     * signature does not verify with this deployment's key.
     */
    public List<SignedCheckpoint> trusted(String schema) {
        List<SignedCheckpoint> all = new ArrayList<>();
        for (String note : jdbc.sql("SELECT note FROM " + schema + ".checkpoint ORDER BY id")
                .query(String.class)
                .list()) {
            all.add(SignedCheckpoint.open(note, trustedKeys));
        }
        if ("audit".equals(schema)) {
            Path latest = directory().resolve("latest");
            if (Files.exists(latest)) {
                try {
                    all.add(SignedCheckpoint.open(Files.readString(latest, StandardCharsets.UTF_8), trustedKeys));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all;
    }
}
