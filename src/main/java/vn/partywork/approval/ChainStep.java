package vn.partywork.approval;

/** One step of a chain definition. */
public record ChainStep(
        int position, ActionKind actionKind, ActingLevel actingLevel, String actingBody, int deadlineDays) {}
