package vn.partywork.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A registered device as administrators see it (P-ID-7); never carries the credential or its hash. */
public record DeviceView(
        long id,
        String name,
        long holderId,
        String holderIdentifier,
        long orgId,
        DeviceStatus status,
        Instant expiresAt,
        Instant registeredAt,
        @Nullable Instant activatedAt,
        int version) {

    /** Whether the device is permitted at {@code now}: active and not expired. */
    public boolean permittedAt(Instant now) {
        return status == DeviceStatus.ACTIVE && expiresAt.isAfter(now);
    }
}
