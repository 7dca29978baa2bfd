package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of a member's valid-time history: in which cell, with which status, during [from, to). */
public record MembershipPeriod(
        long cellId,
        String cellName,
        MemberStatus status,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String basis) {}
