/**
 * Approval chains (P-WF-1): a request declared by one person passes through the steps of its chain
 * (confirm, appraise and sign, approve), each acted on by the organisation the chain names relative
 * to the subject organisation within a deadline in working days, with a full trail; on completion
 * {@link vn.partywork.approval.ApprovalCompleted} tells the owning module to apply the change.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "calendar", "access", "identity"})
@NullMarked
package vn.partywork.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
