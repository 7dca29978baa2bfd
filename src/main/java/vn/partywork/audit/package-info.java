/**
 * Audit log (P-AU-1, P-AU-2): the one API through which every module records changes, sensitive
 * reads, approvals, shares, exports and logins ({@link vn.partywork.audit.AuditLog}), and the
 * auditor's reading, verification and signed checkpoints ({@link vn.partywork.audit.AuditTrail}).
 *
 * <h2>What it guarantees</h2>
 * <ul>
 * <li><b>With the change, fail closed.</b> {@code record} appends to {@code audit.pending} inside the
 * caller's transaction: a committed change always has its event, a rolled-back one never does, and
 * a failed append fails the change. Reads in read-only transactions and events outside any
 * transaction are appended in their own transaction before the caller continues.</li>
 * <li><b>Chained after commit, without gaps.</b> The sealer ({@code internal.ChainSealer}) runs on a
 * background thread 0.2 s after an audited commit (commits in that window share one seal) and
 * every {@code partywork.audit.seal-interval} (default 1 s) as a fallback. It chains pending events
 * only once their transaction has ended: those whose transaction id is below
 * {@code pg_snapshot_xmin} of its snapshot, so no transaction that could still commit an event
 * that sorts before them is running. It orders them by (transaction id, insertion id): the events
 * of one transaction stay together, and nothing can later be slotted in before an event already
 * chained. The chain order is therefore the order in which transactions obtained their ids (began
 * writing), not strictly their commit order; every chained event is committed. Business
 * transactions take no shared lock and only insert one row per event; the sealer is the single
 * writer of {@code audit.chain} (advisory lock, and {@code audit.seal} refuses anything but the
 * next rows at the head). {@code seq} runs 1, 2, 3… without gaps; each hash is SHA-256 over the
 * previous hash and the canonical encoding in {@code internal.EventCodec}.</li>
 * <li><b>How long an event stays unchained:</b> normally 0.2 s after its commit; at most the seal
 * interval plus the run time of the longest writing transaction (in any database of the server)
 * that was running when its own transaction committed. Until then it is visible in
 * {@code audit.event} and the viewer (marked pending, with a provisional seq) but neither chained
 * nor covered by a checkpoint, so a superuser could remove it unnoticed in that window.</li>
 * <li><b>Append-only in the database.</b> Tables belong to the NOLOGIN role
 * {@code partywork_audit_owner}; the application role {@code partywork_app} may only SELECT and call
 * the SECURITY DEFINER functions {@code audit.append}, {@code audit.append_all}, {@code audit.seal},
 * {@code audit.add_checkpoint}; row triggers refuse UPDATE and DELETE and statement triggers
 * TRUNCATE, whoever asks. A superuser can bypass triggers; the signed checkpoints are the proof.</li>
 * <li><b>Signed checkpoints</b> every {@code partywork.audit.checkpoint-interval} (default 5 min) and
 * on demand: the head (seq, hash, time) as a C2SP signed note (tlog-checkpoint body) signed with the
 * deployment's Ed25519 key, stored in {@code audit.checkpoint} and written under
 * {@code partywork.audit.checkpoint-dir}. Recomputing the chain after an edit, or cutting its tail,
 * contradicts every later checkpoint.</li>
 * <li><b>Verification</b> by {@code GET /api/v1/audit/verify} and offline by
 * {@code java -jar partywork.jar audit-verify} ({@link vn.partywork.audit.AuditVerifyCommand}),
 * both by {@code internal.ChainVerifier}.</li>
 * </ul>
 * The table {@code audit.chain} is partitioned by month of {@code occurred_at}.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package vn.partywork.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
