package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * The sending organisation's transfer of a member's party activity (M-4): official, or temporary
 * until {@code until}; {@code issuedOn} defaults to today.
 */
public record IssueTransfer(
        boolean temporary,
        long toCellId,
        Decision decision,
        @Nullable LocalDate issuedOn,
        @Nullable LocalDate until,
        @Nullable AttachedFile decisionFile) {}
