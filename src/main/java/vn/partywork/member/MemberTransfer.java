package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A transfer of party activity (chuyển sinh hoạt đảng) as its two sides see it. */
public record MemberTransfer(
        long id,
        long memberId,
        String kind,
        long fromCellId,
        long toCellId,
        String status,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionIssuer,
        LocalDate issuedOn,
        @Nullable LocalDate acceptedOn,
        int version) {}
