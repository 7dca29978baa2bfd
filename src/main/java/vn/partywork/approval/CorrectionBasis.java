package vn.partywork.approval;

/**
 * What an approved correction rests on (P-AU-2 "căn cứ"): the correction request, its reason, who
 * asked and who approved. The owning module writes {@link #text()} as the audit event's basis and
 * the request id as a detail.
 */
public record CorrectionBasis(long requestId, String reason, String submittedBy, String approvedBy) {

    /** "Phiếu yêu cầu chỉnh sửa số 12": how the audit log names the basis. */
    public String text() {
        return "Phiếu yêu cầu chỉnh sửa số " + requestId;
    }
}
