package vn.partywork.org.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the caller's readable subtree roots into SQL parameters. Paths are ids joined by dots, so a
 * PostgreSQL array literal needs no quoting.
 *
 * <p>Current data is filtered with {@code path <@ ANY(roots)}. Past versions are checked by
 * "the path passes through a root's organisation": an organisation was inside
 * subtree 5 on a past date exactly when its path of that date passes through 5, even if 5 itself
 * has been transferred since and its current path (the one in the grant) is different.
 */
public final class ScopePaths {

    private ScopePaths() {}

    /** {@code {1.5,1.7}} for {@code CAST(:paths AS ltree[])}; {@code {}} matches nothing. */
    public static String ltreeArray(Collection<String> paths) {
        return paths.stream().collect(Collectors.joining(",", "{", "}"));
    }

    /** {@code {3,9}} for {@code CAST(:ids AS bigint[])}. */
    public static String idArray(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** True when the path (of any date) passes through one of the roots' organisations. */
    public static boolean passesThrough(String path, List<String> rootPaths) {
        List<String> labels = List.of(path.split("\\."));
        return rootPaths.stream().map(ScopePaths::lastLabel).anyMatch(labels::contains);
    }

    public static String lastLabel(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public static List<Long> ids(String path) {
        return java.util.Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
    }
}
