package vn.partywork.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an account's issuance history (P-ID-3, P-ID-5). */
public record IssuanceRecord(
        IssuanceKind kind,
        @Nullable String performedBy,
        @Nullable String issuedTo,
        @Nullable String documentNumber,
        Instant occurredAt) {}
