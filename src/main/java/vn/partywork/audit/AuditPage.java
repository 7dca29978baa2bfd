package vn.partywork.audit;

import java.util.List;

/** One page of the viewer, newest first; no total (counting years of national traffic is not worth it). */
public record AuditPage(List<AuditRecord> items, int page, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 0;
    }
}
