package vn.partywork.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.org.internal.Organisations;
import vn.partywork.org.internal.Organisations.LifeSpan;
import vn.partywork.org.internal.Organisations.Version;
import vn.partywork.org.internal.ScopePaths;
import vn.partywork.org.internal.StructuralChanges;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Scoped reads of the organisation tree, now or as of any past date (P-ORG-1, P-ORG-2). Every
 * method takes the caller's {@link AccessScope}; an organisation outside it behaves exactly like a
 * missing one ({@code org.notFound}).
 *
 * <p>As-of reads are scoped by the path the organisation had on that date: it is visible when that
 * path passed through one of the caller's readable subtree roots.
 */
@Service
@Transactional(readOnly = true)
public class OrgStructure {

    public static final int MAX_PAGE_SIZE = 200;
    /** Search counts its matches up to here and then says "more than" (a common phrase matches thousands). */
    public static final int SEARCH_COUNT_CAP = 1000;

    private static final int HISTORY_LIMIT = 500;

    private final Organisations organisations;
    private final StructuralChanges changes;
    private final Clock clock;

    OrgStructure(Organisations organisations, StructuralChanges changes, Clock clock) {
        this.organisations = organisations;
        this.changes = changes;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The caller's readable subtree roots as they stood on the day (the top of the tree browser). */
    public List<OrgTreeNode> roots(AccessScope scope, @Nullable LocalDate asOf) {
        LocalDate day = day(asOf);
        List<Long> ids = readableRoots(scope).stream()
                .map(p -> Long.valueOf(ScopePaths.lastLabel(p)))
                .toList();
        return organisations.onDate(ids, day).stream()
                .map(v -> new OrgTreeNode(v.summary(), organisations.childCountOnDate(v.orgId(), day)))
                .toList();
    }

    /** Children of an organisation on the day, with their own child counts for lazy expansion. */
    public List<OrgTreeNode> children(AccessScope scope, long orgId, @Nullable LocalDate asOf) {
        LocalDate day = day(asOf);
        readableOn(scope, orgId, day);
        return organisations.childrenOnDate(orgId, day);
    }

    /** One organisation as it stood on the day, with its ancestors as they were then (breadcrumb). */
    public OrgDetails organisation(AccessScope scope, long orgId, @Nullable LocalDate asOf) {
        LocalDate day = day(asOf);
        Version version = readableOn(scope, orgId, day);
        List<Long> ancestorIds = ScopePaths.ids(version.path()).stream()
                .filter(id -> id != orgId)
                .toList();
        List<OrgSummary> ancestors = organisations.onDate(ancestorIds, day).stream()
                .map(Version::summary)
                .toList();
        LifeSpan span = organisations.lifeSpan(orgId);
        boolean writable = version.current() && scope.canWrite(Database.ORGANISATION_MEMBER, version.path());
        return new OrgDetails(
                version.summary(),
                day,
                version.validFrom(),
                version.validTo(),
                span.establishedOn(),
                span.endedOn(),
                ancestors,
                organisations.childCountOnDate(orgId, day),
                writable);
    }

    /** The structural changes the organisation took part in, newest first (also after it ceased to exist). */
    public List<OrgHistoryEntry> history(AccessScope scope, long orgId) {
        Version latest = organisations
                .latest(orgId)
                .filter(v -> ScopePaths.passesThrough(v.path(), readableRoots(scope)))
                .orElseThrow(OrgStructure::notFound);
        return changes.historyOf(latest.orgId(), HISTORY_LIMIT);
    }

    /**
     * Unaccented search of current organisations in scope ("ha noi" finds "Hà Nội"), by name or
     * code prefix; exact and prefix matches first. A blank query lists the scope from the top.
     * Beyond {@link #SEARCH_COUNT_CAP} matches the total is capped and only that many can be paged.
     */
    public OrgPage search(AccessScope scope, @Nullable String query, int page, int size) {
        int pageSize = pageSize(size);
        int pageNumber = Math.max(page, 0);
        List<String> roots = readableRoots(scope);
        String key = query == null ? "" : organisations.searchKey(query.strip());
        if (roots.isEmpty()) {
            return new OrgPage(List.of(), pageNumber, pageSize, 0);
        }
        Organisations.SearchResult found =
                organisations.search(key, roots, pageSize, (long) pageNumber * pageSize, SEARCH_COUNT_CAP);
        return new OrgPage(found.items(), pageNumber, pageSize, found.total(), found.capped());
    }

    /** Current organisations by kind in the caller's scope (home page figures). */
    public Map<OrgKind, Long> countByKind(AccessScope scope) {
        return organisations.countByKind(readableRoots(scope));
    }

    /** Current descendants of an organisation in path order, one page at a time (the benchmark's listing). */
    public OrgPage descendants(AccessScope scope, long orgId, int page, int size) {
        Version version = readableOn(scope, orgId, today());
        int pageSize = pageSize(size);
        int pageNumber = Math.max(page, 0);
        List<String> roots = readableRoots(scope);
        return new OrgPage(
                organisations.descendants(version.path(), roots, pageSize, (long) pageNumber * pageSize),
                pageNumber,
                pageSize,
                organisations.countDescendants(version.path(), roots));
    }

    private Version readableOn(AccessScope scope, long orgId, LocalDate day) {
        return organisations
                .onDate(orgId, day)
                .filter(v -> ScopePaths.passesThrough(v.path(), readableRoots(scope)))
                .orElseThrow(OrgStructure::notFound);
    }

    private static List<String> readableRoots(AccessScope scope) {
        return scope.readablePaths(Database.ORGANISATION_MEMBER);
    }

    private LocalDate day(@Nullable LocalDate asOf) {
        return asOf == null ? today() : asOf;
    }

    private static int pageSize(int size) {
        return size <= 0 ? 20 : Math.min(size, MAX_PAGE_SIZE);
    }

    static DomainException notFound() {
        return DomainException.notFound("org.notFound");
    }
}
