package vn.partywork.approval;

/**
 * The submitter withdrew a request before it finished: the owning module of {@code subjectType}
 * may undo what it prepared for it (a pending admission, for instance). Published inside the
 * withdrawing transaction.
 */
public record ApprovalWithdrawn(long requestId, String chainCode, String subjectType, String subjectId) {}
