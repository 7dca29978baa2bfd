package vn.partywork.access;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One record-level share (P-AZ-2) with the names of the accounts involved. */
public record ShareView(
        long id,
        String recordKind,
        String recordId,
        long granteeId,
        String granteeIdentifier,
        String granteeName,
        ShareLevel level,
        LocalDate expiresOn,
        long sharedById,
        String sharedByIdentifier,
        Instant sharedAt,
        @Nullable Instant revokedAt) {

    /** A share applies through its last day, unless revoked. */
    public boolean activeOn(LocalDate day) {
        return revokedAt == null && !expiresOn.isBefore(day);
    }
}
