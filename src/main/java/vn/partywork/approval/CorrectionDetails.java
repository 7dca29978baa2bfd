package vn.partywork.approval;

import java.util.List;
import vn.partywork.document.DocumentInfo;

/** What a correction request adds to its approval request: the record, the reason and the evidence files. */
public record CorrectionDetails(
        long requestId, String recordType, String recordId, String reason, List<DocumentInfo> evidence) {

    public CorrectionDetails {
        evidence = List.copyOf(evidence);
    }
}
