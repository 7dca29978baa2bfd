package vn.partywork.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * A grant as administrators see it, with names resolved and its status on the day it was read.
 *
 * @param aggregateOnly P-AZ-3: statistics only
 * @param reviewReason P-ID-5: why the grant waits for review (e.g. the holder changed position), or null
 */
public record GrantView(
        long id,
        long accountId,
        @Nullable String accountIdentifier,
        Role role,
        long orgId,
        @Nullable String orgName,
        Set<Database> databases,
        Classification ceiling,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String documentNumber,
        @Nullable String note,
        @Nullable Long grantedBy,
        Instant grantedAt,
        @Nullable Long revokedBy,
        @Nullable Instant revokedAt,
        GrantStatus status,
        int version,
        boolean aggregateOnly,
        @Nullable String reviewReason,
        @Nullable Instant reviewSince) {}
