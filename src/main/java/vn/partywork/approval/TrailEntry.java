package vn.partywork.approval;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a request's trail: who did what, when, on which step, with which comment. */
public record TrailEntry(String action, @Nullable Integer position, String actor, Instant at,
        @Nullable String comment) {

    public String actionLabel() {
        return switch (action) {
            case "SUBMIT" -> "Gửi";
            case "RESUBMIT" -> "Gửi lại sau khi chỉnh sửa";
            case "WITHDRAW" -> "Rút lại";
            case "APPROVE" -> "Đồng ý";
            case "RETURN" -> "Trả lại để chỉnh sửa";
            case "REJECT" -> "Từ chối";
            default -> action;
        };
    }
}
