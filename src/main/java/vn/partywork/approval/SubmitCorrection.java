package vn.partywork.approval;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A correction request (phiếu yêu cầu chỉnh sửa, P-WF-3): which record, each field old → new as the
 * requester saw it, why, and the evidence files.
 */
public record SubmitCorrection(
        String recordType,
        String recordId,
        List<FieldCorrection> changes,
        @Nullable String reason,
        List<Evidence> evidence) {

    public SubmitCorrection {
        changes = List.copyOf(changes);
        evidence = List.copyOf(evidence);
    }

    /** One field: the value the requester saw and the value it should have. */
    public record FieldCorrection(
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {}

    /** One evidence file as uploaded. */
    public record Evidence(String name, byte[] content) {}
}
