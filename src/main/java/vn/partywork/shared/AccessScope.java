package vn.partywork.shared;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the caller may reach in this request (ARCHITECTURE rule 1, P-AZ-1): the union of the
 * caller's active grants, each an organisation subtree (an {@code ltree} path of organisation ids)
 * with its databases, classification ceiling and permissions. Computed once per request by the
 * access module; every business query takes it. {@code selfService}: the caller is a member's own
 * account (MEMBER, H-4), which reads its own record rather than its subtrees' members.
 */
public record AccessScope(long accountId, String identifier, List<Entry> entries, boolean selfService) {

    /** One active grant as it applies now. */
    public record Entry(
            long grantId, String path, Set<Database> databases, Classification ceiling, Set<Permission> permissions) {

        public Entry {
            databases = Set.copyOf(databases);
            permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        }

        boolean allows(Permission permission, Database database) {
            return permissions.contains(permission) && databases.contains(database);
        }

        /** P-AZ-3: an aggregate-only grant (statistics, no detail). */
        public boolean aggregateOnly() {
            return permissions.equals(Set.of(Permission.AGGREGATE));
        }
    }

    public AccessScope {
        entries = List.copyOf(entries);
    }

    /** The scope of a staff (not self-service) account. */
    public AccessScope(long accountId, String identifier, List<Entry> entries) {
        this(accountId, identifier, entries, false);
    }

    public static AccessScope none(long accountId, String identifier) {
        return new AccessScope(accountId, identifier, List.of());
    }

    /** True when {@code orgPath} lies inside a subtree where the caller holds the permission. */
    public boolean permits(Permission permission, Database database, String orgPath) {
        return entries.stream().anyMatch(e -> e.allows(permission, database) && isWithin(orgPath, e.path()));
    }

    /** True when {@code orgPath} lies inside a subtree where the caller may read the database. */
    public boolean canRead(Database database, String orgPath) {
        return permits(Permission.READ, database, orgPath);
    }

    public boolean canWrite(Database database, String orgPath) {
        return permits(Permission.WRITE, database, orgPath);
    }

    /**
     * The subtree roots where the caller holds the permission, without roots already covered by
     * another, for SQL such as {@code path <@ ANY(?::ltree[])}.
     */
    public List<String> paths(Permission permission, Database database) {
        Set<String> all = new LinkedHashSet<>();
        entries.stream().filter(e -> e.allows(permission, database)).forEach(e -> all.add(e.path()));
        return roots(all);
    }

    private static List<String> roots(Set<String> all) {
        List<String> roots = new ArrayList<>();
        for (String p : all) {
            boolean covered = all.stream().anyMatch(other -> !other.equals(p) && isWithin(p, other));
            if (!covered) {
                roots.add(p);
            }
        }
        return roots;
    }

    public List<String> readablePaths(Database database) {
        return paths(Permission.READ, database);
    }

    /**
     * P-AZ-3: the subtree roots whose statistics the caller may see: where it reads the database,
     * and where it holds an aggregate-only grant on it.
     */
    public List<String> statisticsPaths(Database database) {
        Set<String> all = new LinkedHashSet<>(paths(Permission.READ, database));
        all.addAll(paths(Permission.AGGREGATE, database));
        return roots(all);
    }

    /**
     * P-AZ-3: true when the caller sees only statistics of the database: it holds an aggregate-only
     * grant on it and reads it nowhere. Detail endpoints answer 403 {@code access.aggregateOnly}
     * to such a caller; a caller who also reads a subtree keeps detail access there only.
     */
    public boolean isAggregateOnly(Database database) {
        return permits(Permission.AGGREGATE, database) && !permits(Permission.READ, database);
    }

    private boolean permits(Permission permission, Database database) {
        return entries.stream().anyMatch(e -> e.allows(permission, database));
    }

    /**
     * The highest classification the caller may read in a database, or empty if none. Aggregate-only
     * grants do not count: they open no record.
     */
    public Classification ceiling(Database database) {
        return entries.stream()
                .filter(e -> e.databases().contains(database) && !e.aggregateOnly())
                .map(Entry::ceiling)
                .reduce(Classification.UNCLASSIFIED, Classification::max);
    }

    public boolean has(Permission permission) {
        return entries.stream().anyMatch(e -> e.permissions().contains(permission));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@code 1.5.77} is within {@code 1.5} and within itself, but not within {@code 1.50}. */
    public static boolean isWithin(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".");
    }
}
