package vn.partywork.identity;

import java.util.List;

/** One page of accounts. */
public record AccountPage(List<AccountView> items, int page, int size, long total) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
