/**
 * Approval chains (P-WF-1): a request declared by one person passes through the steps of its chain
 * (confirm, appraise and sign, approve), each acted on by the organisation the chain names relative
 * to the subject organisation within a deadline in working days, with a full trail; on completion
 * {@link vn.partywork.approval.ApprovalCompleted} tells the owning module to apply the change.
 *
 * <h2>Separation of duties (P-WF-1)</h2>
 * The submitter of a request acts on none of its steps ({@code approval.step.ownRequest}), even
 * when their grants would let them: {@code ApprovalRequests.act} refuses, the inbox leaves their own
 * requests out and the request page shows them no act buttons.
 *
 * <h2>Correction requests (P-WF-3)</h2>
 * {@link vn.partywork.approval.CorrectionRequests} files a request on the chain
 * {@code DATA_CORRECTION}: one APPROVE step at the organisation that owns the record, acted on only
 * by a holder of APPROVE there or above (a committee leader: the seed asks for the signature of the
 * head of the unit, so organisation staff who hold only WRITE, who keep and may have mistyped the
 * data, may ask but not approve). It carries each field old → new, the reason (table
 * {@code approval.correction}) and at least one evidence file (documents owned by
 * {@code approval_request/<id>}, seen by whoever sees the request). Owning modules plug in through
 * the SPI {@link vn.partywork.approval.CorrectableRecords}; organisations are the first
 * ({@code internal.OrganisationRecords}, applying through {@code org.OrgCorrections}).
 *
 * <p><b>When the change is applied: inside the approving transaction, through the SPI.</b>
 * {@code CorrectionRequests} hears {@link vn.partywork.approval.ApprovalCompleted} with a plain
 * synchronous {@code @EventListener} (id {@code approval.correction.apply}), so
 * {@code CorrectableRecords.apply} runs in the transaction of the last APPROVE. Chosen over an
 * after-commit listener in the owning module because (1) an old value that changed since the
 * submission must refuse the approval ({@code approval.correction.stale}) rather than leave an
 * approved request whose change was never made, and the approval, the change and both audit events
 * then commit together or not at all; (2) the org module sits below approval and cannot listen to
 * its events without a dependency cycle, while an SPI bean can be implemented by modules above
 * (member, cadre) and adapted here for modules below.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "calendar", "access", "identity", "document"})
@NullMarked
package vn.partywork.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
