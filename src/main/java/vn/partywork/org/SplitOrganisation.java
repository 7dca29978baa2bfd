package vn.partywork.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * Chia tách: the organisation is closed and its successors are established under the same parent;
 * every current child of the organisation is assigned to exactly one successor (P-ORG-2).
 */
public record SplitOrganisation(
        long orgId,
        List<Successor> successors,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {

    public SplitOrganisation {
        successors = List.copyOf(successors);
    }

    /**
     * @param kind the successor's kind; {@code null} keeps the kind of the organisation split
     * @param childIds the current children of the split organisation that move under this successor
     */
    public record Successor(
            String code, String name, @Nullable OrgKind kind, List<Long> childIds) {

        public Successor {
            childIds = List.copyOf(childIds);
        }
    }
}
