package vn.partywork.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing the chain (P-AU-1): {@code checked} events were found intact;
 * when {@code ok} is false, {@code firstBrokenSeq} is the first sequence number that is missing,
 * altered, out of place or not covered as a signed checkpoint says, and {@code reason} says which.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditVerification(
        boolean ok,
        long checked,
        @Nullable Long firstBrokenSeq,
        @Nullable String reason) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    public static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, reason);
    }
}
