package vn.partywork.member;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A member form to record: the values by field key ({@link MemberField#key()}), the cell, the status
 * (for a record digitised from paper: PROBATIONARY or OFFICIAL; an admission always starts
 * PENDING_ADMISSION), where the data comes from (M-5) and optionally the member's MEMBER account.
 */
public record NewMember(
        Map<String, @Nullable String> values,
        long cellId,
        @Nullable MemberStatus status,
        @Nullable DataSource source,
        @Nullable Long accountId) {

    public NewMember {
        values = new HashMap<>(values);
    }
}
