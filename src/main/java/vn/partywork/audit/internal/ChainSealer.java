package vn.partywork.audit.internal;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P-AU-1: chains committed events. Takes the pending events of transactions that have ended
 * (transaction id below the oldest running transaction's, {@code pg_snapshot_xmin}), in (tx, id)
 * order, computes their hashes and hands them to {@code audit.seal}, which copies them into
 * {@code audit.chain} at the head of the chain. Runs on a background thread 0.2 s after an audited
 * transaction commits (the commits of that window share one seal) and on the schedule as a fallback;
 * a transaction-level advisory lock lets one node at a time work.
 */
@Component
public class ChainSealer {

    static final long SEAL_LOCK = 7242013001L;
    private static final int BATCH = 5_000;
    /** How long a seal waits after the first commit that asks for it, so that commits share seals. */
    private static final long COALESCE_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-sealer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    /**
     * (tx, id) of the last event this node sealed: every pending row at or below it is sealed, so
     * the next scan starts above it instead of walking the dead index entries of earlier seals.
     */
    private volatile long[] sealedUpTo = {0, 0};

    ChainSealer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** The head of the chain: its last sequence number (0 when empty) and hash. */
    public record Head(long seq, byte[] hash) {}

    /** Chains every event of every transaction that has ended, waiting for another sealer; returns how many. */
    public long sealAll() {
        return sealAll(true);
    }

    /** After an audited commit: seal within 0.2 s on the background thread; requests made meanwhile coalesce. */
    void requestSeal() {
        if (requested.compareAndSet(false, true)) {
            background.schedule(
                    () -> {
                        requested.set(false);
                        sealQuietly();
                    },
                    COALESCE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    void sealQuietly() {
        try {
            sealAll(false);
        } catch (RuntimeException e) {
            log.error("Sealing the audit chain failed; events stay pending until the next run", e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
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

    public Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit.chain ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
                .optional()
                .orElseGet(() -> new Head(0, EventCodec.genesis()));
    }

    private int sealBatch(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", SEAL_LOCK)
                    .query((rs, n) -> 1)
                    .list();
        } else if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", SEAL_LOCK)
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        // Safe: a crash can only lose a whole seal (its pending rows come back with it and are sealed
        // again); a checkpoint's own synchronous commit flushes every seal it covers.
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        Head head = head();
        long[] from = sealedUpTo;
        List<Long> ids = new ArrayList<>();
        List<StoredEvent> events = new ArrayList<>();
        long[] seq = {head.seq()};
        jdbc.sql("SELECT id, " + StoredEvent.COLUMNS + """
                  FROM audit.pending
                 WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
                   AND (tx, id) > (CAST(CAST(:tx AS text) AS xid8), :id)
                 ORDER BY tx, id
                 LIMIT :batch
                """)
                .param("tx", from[0])
                .param("id", from[1])
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
        long[] upTo = {events.get(events.size() - 1).tx(), ids.get(ids.size() - 1)};
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sealedUpTo = upTo; // only once the seal is durable in the database's view
            }
        });
        return ids.size();
    }
}
