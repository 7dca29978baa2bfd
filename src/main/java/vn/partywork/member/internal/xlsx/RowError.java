package vn.partywork.member.internal.xlsx;

import org.jspecify.annotations.Nullable;

/** One reason a row cannot be imported: the row as Excel numbers it, the column's header, the value, why. */
public record RowError(
        int row, @Nullable String column, @Nullable String value, String code, String message) {}
