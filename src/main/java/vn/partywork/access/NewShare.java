package vn.partywork.access;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A share to create (P-AZ-2): the grantee's login identifier, the level, and the last day on which
 * the share applies (required, at most {@code partywork.access.share-max-days} ahead).
 */
public record NewShare(
        @Nullable String grantee,
        @Nullable ShareLevel level,
        @Nullable LocalDate expiresOn) {}
