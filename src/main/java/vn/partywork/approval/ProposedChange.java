package vn.partywork.approval;

import org.jspecify.annotations.Nullable;

/** One field the request proposes to change: its key, the label shown to people, old and new value. */
public record ProposedChange(
        String field,
        @Nullable String label,
        @Nullable String oldValue,
        @Nullable String newValue) {

    public String displayLabel() {
        return label == null || label.isBlank() ? field : label;
    }
}
