package vn.partywork.approval;

import java.util.List;

/** What the correction form shows: the record, its correctable fields and their current values. */
public record CorrectionForm(
        String recordType, String recordLabel, CorrectableRecord record, List<CorrectableField> fields) {

    public CorrectionForm {
        fields = List.copyOf(fields);
    }
}
