package vn.partywork.member;

import java.util.List;

/**
 * One page of search results. {@code total} is exact up to {@link MemberRegistry#COUNT_CAP}; beyond
 * it {@code totalCapped} is true and the total reads "more than".
 */
public record MemberPage(List<MemberSummary> items, int page, int size, long total, boolean totalCapped) {

    public MemberPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
