package vn.partywork.approval;

/** One step of a chain definition; {@code actingPermission} says which grant lets a caller act on it. */
public record ChainStep(
        int position,
        ActionKind actionKind,
        ActingLevel actingLevel,
        String actingBody,
        int deadlineDays,
        ActingPermission actingPermission) {}
