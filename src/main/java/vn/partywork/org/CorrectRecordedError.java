package vn.partywork.org;

/**
 * P-WF-3: an approved correction of a recorded error (a typo) in the current version's name or
 * code. Not a rename: nothing changes in reality, so no decision, no new version. {@code expected*}
 * are the values the correction request saw; {@code basis} names the request (P-AU-2).
 */
public record CorrectRecordedError(
        long orgId,
        String expectedName,
        String expectedCode,
        String name,
        String code,
        long correctionRequestId,
        String basis,
        String actorIdentifier) {}
