package vn.partywork.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
}
