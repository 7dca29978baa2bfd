package vn.partywork.audit;

/**
 * The one way to write to the audit log (ARCHITECTURE rule 2). Call it inside the transaction of
 * the change it records: the event commits with the change or not at all, and a failure to write
 * it fails the change (fail closed).
 */
public interface AuditLog {

    void record(AuditEvent event);
}
