package vn.partywork.org;

import java.util.List;

/**
 * One page of organisations; {@code page} counts from 0. When {@code totalCapped} is set there are
 * more than {@code total} matches and only the first {@code total} can be paged through (search
 * stops counting at {@link OrgStructure#SEARCH_COUNT_CAP}).
 */
public record OrgPage(List<OrgSummary> items, int page, int size, long total, boolean totalCapped) {

    public OrgPage {
        items = List.copyOf(items);
    }

    public OrgPage(List<OrgSummary> items, int page, int size, long total) {
        this(items, page, size, total, false);
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
