package vn.partywork.org;

import java.util.List;

/** One page of organisations; {@code page} counts from 0. */
public record OrgPage(List<OrgSummary> items, int page, int size, long total) {

    public OrgPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
