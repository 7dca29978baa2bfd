package vn.partywork.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * Hợp nhất: the sources are closed and one new organisation is established under {@code parentId};
 * all children of the sources move under it (P-ORG-2).
 */
public record MergeOrganisations(
        List<Long> sourceIds,
        long parentId,
        String code,
        String name,
        OrgKind kind,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable String note) {

    public MergeOrganisations {
        sourceIds = List.copyOf(sourceIds);
    }
}
