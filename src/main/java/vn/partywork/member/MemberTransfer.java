package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A transfer of party activity (chuyển sinh hoạt đảng, M-4) as its two sides see it. {@code kind}
 * is {@code OFFICIAL} or {@code TEMPORARY}; {@code status} is {@code ISSUED} (in transit),
 * {@code ACCEPTED}, {@code RETURNED} (a temporary one ended) or {@code CANCELLED} (the membership
 * ended in transit). Cell names are null for a cell that no longer exists.
 */
public record MemberTransfer(
        long id,
        long memberId,
        String memberName,
        String kind,
        long fromCellId,
        @Nullable String fromCellName,
        long toCellId,
        @Nullable String toCellName,
        String status,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionIssuer,
        LocalDate issuedOn,
        @Nullable LocalDate until,
        @Nullable LocalDate acceptedOn,
        @Nullable LocalDate returnedOn,
        boolean betweenProvinces,
        int version) {

    public boolean temporary() {
        return "TEMPORARY".equals(kind);
    }

    /** In transit, or a temporary activity not yet returned from. */
    public boolean open() {
        return "ISSUED".equals(status) || temporary() && "ACCEPTED".equals(status);
    }

    public String kindLabel() {
        return temporary() ? "Chuyển sinh hoạt đảng tạm thời" : "Chuyển sinh hoạt đảng chính thức";
    }

    public String statusLabel() {
        return switch (status) {
            case "ISSUED" -> "Đang chuyển, chờ tiếp nhận";
            case "ACCEPTED" -> temporary() ? "Đang sinh hoạt tạm thời" : "Đã tiếp nhận";
            case "RETURNED" -> "Đã trở về chi bộ chính thức";
            case "CANCELLED" -> "Đã hủy";
            default -> status;
        };
    }
}
