package vn.partywork.approval;

import java.util.List;
import java.util.Optional;
import vn.partywork.shared.AccessScope;

/**
 * SPI of P-WF-3: a module whose approved records may be corrected implements this once per record
 * type, as a Spring bean; {@link CorrectionRequests} finds it by {@link #recordType()}. The module
 * keeps every rule about its own data (who may ask, which fields, what a valid value is, how the
 * change is written and audited); the approval module keeps the request, its reason and evidence,
 * the head-of-unit approval and the refusals common to all records.
 *
 * <p>How to implement (the member module, for instance):
 * <ol>
 * <li>{@link #recordType()}: the name stored as the request's subject type, e.g. {@code "member"}.</li>
 * <li>{@link #fields()}: the correctable fields with Vietnamese labels; any other field is refused
 * ({@code approval.correction.field.unknown}).</li>
 * <li>{@link #find}: the record as the caller may see it, or empty when it is absent or outside the
 * caller's scope (the caller then gets 404). {@code owningOrgId} is the organisation whose head
 * approves (for a member, the cell that keeps the member's record); {@code mayRequest} is true when
 * the caller keeps the record's data there (usually WRITE on its database).</li>
 * <li>{@link #check}: validates the new values with the module's own error codes (throw a
 * {@link vn.partywork.shared.DomainException}); called at submission.</li>
 * <li>{@link #apply}: called inside the transaction that approves the request (see the package
 * comment). Lock the record, compare each change's old value with the current one and throw
 * {@link CorrectionRequests#stale()} when any differs; write the new values; record one audit event
 * per record with field old → new, {@code basis(basis.text())} and the request id as a detail. Any
 * exception rolls the approval back: the request stays at its step.</li>
 * </ol>
 * The chain is {@code DATA_CORRECTION} on the database {@code ORGANISATION_MEMBER}: approvers need
 * APPROVE on that database at or above {@code owningOrgId}. A record type of another database needs
 * its own chain row first.
 */
public interface CorrectableRecords {

    String recordType();

    /** What people call this kind of record ("Tổ chức đảng", "Đảng viên"). */
    String recordLabel();

    List<CorrectableField> fields();

    Optional<CorrectableRecord> find(AccessScope scope, String recordId);

    /** Validates the proposed new values (each change names a known field and differs from its old value). */
    void check(String recordId, List<ProposedChange> changes);

    /** Applies the approved changes within the approving transaction (see the class comment). */
    void apply(String recordId, List<ProposedChange> changes, CorrectionBasis basis);
}
