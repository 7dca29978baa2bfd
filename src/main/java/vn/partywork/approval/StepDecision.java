package vn.partywork.approval;

/** What the acting organisation decides on the current step. */
public enum StepDecision {
    /** Pass the request on to the next step (or complete it on the last). */
    APPROVE("Đồng ý"),
    /** Send it back to the submitter for revision; a reason is required. */
    RETURN("Trả lại để chỉnh sửa"),
    /** End it; a reason is required. */
    REJECT("Từ chối");

    private final String label;

    StepDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
