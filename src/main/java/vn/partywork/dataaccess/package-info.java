/**
 * Data access requests (P-AZ-4, seed 002 Đ17.2 and appendix PL2) and the register of data owners
 * (P-DG-1, PL1).
 *
 * <p><b>Register.</b> {@link vn.partywork.dataaccess.DatabaseRegister}: for each database of PL1 its
 * data owner (chủ quản), business unit, data steward and technical contact, and the organisation
 * whose staff decide requests (the root of the tree, i.e. the central level, unless set). Reference
 * data kept by migration; there is no editing page yet.
 *
 * <p><b>Requests.</b> {@link vn.partywork.dataaccess.DataAccessRequests}: the PL2 form (requester,
 * position, unit, phone, account, date; database, purpose, scope — an organisation subtree, a
 * description and a classification ceiling —, form: direct / indirect / report extract, period; the
 * commitment the requester must accept). An incomplete form is refused with a validation code and
 * nothing is kept. A complete one starts the approval chain {@code DATA_ACCESS_<database>} at the
 * owner organisation: its one step is acted on by who holds APPROVE or WRITE on that database there.
 * The owner approves (narrowing the subtree, the ceiling and the period if they choose) or rejects
 * with a reason (an unfounded request). Approval creates, in the approving transaction, a grant of
 * role VIEWER (read) on that database, subtree and ceiling, valid for the approved period only: it
 * expires by itself when the period ends. A report extract gets an aggregate-only grant (P-AZ-3):
 * the statistics of the subtree, no detail record. Every step is audited (the approval chain, the approved
 * scope old → new, the grant).
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "identity", "access", "approval"})
@NullMarked
package vn.partywork.dataaccess;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
