package vn.partywork.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a request's trail: who did what (login identifier, and the account's display name
 * when it still exists), when, on which step, with which comment.
 */
public record TrailEntry(
        String action,
        @Nullable Integer position,
        long actorAccountId,
        String actor,
        @Nullable String actorName,
        Instant at,
        @Nullable String comment) {

    TrailEntry withActorName(@Nullable String name) {
        return new TrailEntry(action, position, actorAccountId, actor, name, at, comment);
    }

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
