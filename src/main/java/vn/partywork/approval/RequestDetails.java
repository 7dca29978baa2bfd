package vn.partywork.approval;

import java.util.List;

/**
 * One request with what the caller may do on it: its chain's steps, the proposed changes, and the
 * trail.
 */
public record RequestDetails(
        RequestSummary summary,
        List<ChainStep> steps,
        List<ProposedChange> changes,
        List<TrailEntry> trail,
        boolean canAct,
        boolean canResubmit,
        boolean canWithdraw) {}
