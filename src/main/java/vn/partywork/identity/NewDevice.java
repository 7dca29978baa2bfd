package vn.partywork.identity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Command to register a device (P-ID-7).
 *
 * @param name what the device is (e.g. "Máy tính phòng Tổ chức, số tài sản 0123")
 * @param holderIdentifier the account that will use it; the device credential is bound to it
 * @param orgId the organisation the device belongs to; the holder's home organisation when null
 * @param expiresOn the last day the device is permitted
 */
public record NewDevice(
        @Nullable String name,
        @Nullable String holderIdentifier,
        @Nullable Long orgId,
        @Nullable LocalDate expiresOn) {}
