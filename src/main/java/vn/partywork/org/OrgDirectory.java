package vn.partywork.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Look-ups other platform modules need to resolve grants, accounts and scopes. These are not
 * business reads on behalf of a user (those take an {@code AccessScope} in {@link OrgStructure}):
 * they let identity and access turn organisation ids into current paths and names.
 */
public interface OrgDirectory {

    Optional<OrgSummary> current(long orgId);

    /** Current ltree paths of the given organisations; dissolved ones are absent. */
    Map<Long, String> currentPaths(Collection<Long> orgIds);

    /** Current organisations by id, in the order given; dissolved ones are absent. */
    List<OrgSummary> current(Collection<Long> orgIds);

    /** The organisation with this code directly under the given parent (demo data, imports). */
    Optional<OrgSummary> currentChildByCode(long parentId, String code);

    Optional<OrgSummary> root();

    /**
     * Administration look-up for pickers (choosing a home organisation or a grant's scope): current
     * organisations whose unaccented name contains the query or whose code starts with it, best
     * matches first as in {@link OrgStructure#search}, limited to the subtree {@code withinPath}
     * when given. Names, codes, kinds and paths only; a blank query finds nothing.
     */
    List<OrgSummary> search(String query, @Nullable String withinPath, int limit);
}
