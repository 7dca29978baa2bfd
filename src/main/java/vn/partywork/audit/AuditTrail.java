package vn.partywork.audit;

import java.io.Writer;
import java.util.List;
import vn.partywork.shared.AccessScope;

/**
 * Reading the audit log (P-AU-1). Everything but {@link #history} needs {@code Permission.AUDIT}
 * (the auditor) and refuses others with {@code audit.forbidden}; searching and exporting are
 * themselves recorded (SEARCH, EXPORT).
 */
public interface AuditTrail {

    /** The most rows one CSV export holds. */
    int MAX_EXPORT = 100_000;

    /** Newest first; records one SEARCH event with the criteria. */
    AuditPage search(AccessScope scope, AuditQuery query, int page, int size);

    /**
     * Every event on one record, oldest first ("who changed what, when, old → new"), for a module's
     * own record page. The calling module has already checked that the reader may see the record.
     */
    List<AuditRecord> history(String targetType, String targetId);

    /** The kinds of record the log holds events about (the filter's choices), alphabetically. */
    List<String> targetTypes(AccessScope scope);

    /** Writes the matching events as CSV (UTF-8 with BOM, for Excel), at most {@code MAX_EXPORT}; records EXPORT. */
    void exportCsv(AccessScope scope, AuditQuery query, Writer out);

    /** Recomputes the whole chain and checks it against every signed checkpoint. */
    AuditVerification verify(AccessScope scope);

    /** Chains what has committed and signs the head now; returns the signed note. */
    String checkpoint(AccessScope scope);
}
