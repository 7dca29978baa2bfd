package vn.partywork.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A direct change by the organisation (M-3, M-6: "data an organisation decided itself is entered
 * directly by that organisation"): party fields, the cell and the status. Self-declared fields may
 * be sent unchanged (a whole form) but not changed. {@code effectiveOn} dates a change of cell
 * (default today); a change to OFFICIAL takes effect on the official date. {@code basis} names the
 * decision (P-AU-2). {@code version} is the version the editor saw (ARCHITECTURE rule 8).
 */
public record PartyDataChange(
        Map<String, @Nullable String> values,
        @Nullable Long cellId,
        @Nullable MemberStatus status,
        @Nullable LocalDate effectiveOn,
        @Nullable String basis,
        @Nullable DataSource source,
        int version) {

    public PartyDataChange {
        values = new HashMap<>(values);
    }
}
