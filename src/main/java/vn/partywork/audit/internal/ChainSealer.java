package vn.partywork.audit.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P-AU-1: chains committed events. Takes the pending events of transactions that have ended
 * (transaction id below the oldest running transaction's, {@code pg_snapshot_xmin}), in (tx, id)
 * order, computes their hashes and hands them to {@code audit.seal}, which copies them into
 * {@code audit.chain} at the head of the chain. Every node runs it; a transaction-level advisory
 * lock lets one at a time work.
 */
@Component
public class ChainSealer {

    static final long SEAL_LOCK = 7242013001L;
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ChainSealer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Also used right after a business commit, when that transaction's resources are still bound.
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** The head of the chain: its last sequence number (0 when empty) and hash. */
    public record Head(long seq, byte[] hash) {
    }

    /** Chains every event of every transaction that has ended; returns how many were chained. */
    public long sealAll() {
        return sealAll(true);
    }

    /**
     * Right after a transaction with events commits, in its thread: chains them at once unless an
     * older writing transaction is still running (then its own commit, or the schedule, does it).
     */
    void sealAfterCommit() {
        try {
            sealAll(true);
        } catch (RuntimeException e) {
            log.warn("Sealing after commit failed; the scheduled sealer will chain the events", e);
        }
    }

    private long sealAll(boolean wait) {
        long total = 0;
        int sealed;
        do {
            Integer n = transaction.execute(status -> sealBatch(wait));
            sealed = n == null ? 0 : n;
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    void sealQuietly() {
        try {
            sealAll(false);
        } catch (RuntimeException e) {
            log.error("Sealing the audit chain failed; events stay pending until the next run", e);
        }
    }

    public Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit.chain ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
                .optional()
                .orElseGet(() -> new Head(0, EventCodec.genesis()));
    }

    private int sealBatch(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", SEAL_LOCK).query((rs, n) -> 1).list();
        } else if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", SEAL_LOCK)
                .query(Boolean.class).single()) {
            return 0;
        }
        Head head = head();
        List<Long> ids = new ArrayList<>();
        List<StoredEvent> events = new ArrayList<>();
        long[] seq = {head.seq()};
        jdbc.sql("SELECT id, " + StoredEvent.COLUMNS + """
                  FROM audit.pending
                 WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY tx, id
                 LIMIT :batch
                """)
                .param("batch", BATCH)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    events.add(StoredEvent.read(rs, ++seq[0]));
                });
        if (ids.isEmpty()) {
            return 0;
        }
        EventCodec codec = new EventCodec();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream(events.size() * EventCodec.HASH_BYTES);
        byte[] previous = head.hash();
        for (StoredEvent event : events) {
            previous = codec.hash(previous, event);
            hashes.writeBytes(previous);
        }
        StringJoiner idArray = new StringJoiner(",", "{", "}");
        ids.forEach(id -> idArray.add(id.toString()));
        jdbc.sql("SELECT audit.seal(:first, CAST(:ids AS bigint[]), :hashes)")
                .param("first", head.seq() + 1)
                .param("ids", idArray.toString())
                .param("hashes", hashes.toByteArray())
                .query(Long.class)
                .single();
        return ids.size();
    }
}
