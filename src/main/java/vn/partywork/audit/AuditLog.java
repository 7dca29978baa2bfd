package vn.partywork.audit;

/**
 * The one way to write to the audit log (ARCHITECTURE rule 2). Call it inside the transaction of
 * the change it records: the event commits with the change or not at all, and a failure to write
 * it fails the change (fail closed).
 */
public interface AuditLog {

    void record(AuditEvent event);

    /**
     * Records several events as {@link #record} would, one after the other, in as few round trips
     * as the implementation can (a bulk import records one event per created record).
     */
    default void recordAll(java.util.List<AuditEvent> events) {
        events.forEach(this::record);
    }
}
