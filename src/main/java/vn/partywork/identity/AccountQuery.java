package vn.partywork.identity;

import org.jspecify.annotations.Nullable;

/** Filters of the account list; {@code text} matches identifier or name, without diacritics. */
public record AccountQuery(
        @Nullable String text,
        @Nullable AccountType type,
        @Nullable AccountStatus status,
        int page,
        int size) {

    public AccountQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 100);
    }
}
