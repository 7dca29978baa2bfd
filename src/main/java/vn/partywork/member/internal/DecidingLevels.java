package vn.partywork.member.internal;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.partywork.member.DecidingLevel;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgSummary;

/**
 * Finds the organisation that decides at a {@link DecidingLevel} for a cell (M-6): the cell, the
 * grassroots organisation above it (the deepest đảng bộ cơ sở or chi bộ cơ sở on its path), that
 * one's parent (upper-grassroots committee, or the province where wards report to it directly), and
 * the province. Paths are organisation ids from the root.
 */
@Component
public class DecidingLevels {

    private final OrgDirectory orgs;

    DecidingLevels(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    /** The path of the deciding organisation for the cell at {@code cellPath}. */
    public String path(String cellPath, DecidingLevel level) {
        String[] labels = cellPath.split("\\.");
        if (level == DecidingLevel.CELL) {
            return cellPath;
        }
        if (level == DecidingLevel.PROVINCE || labels.length <= 2) {
            return province(cellPath);
        }
        List<Long> ids = Arrays.stream(labels).map(Long::parseLong).toList();
        List<OrgSummary> chain = orgs.current(ids);
        for (int i = chain.size() - 1; i >= 0; i--) {
            OrgKind kind = chain.get(i).kind();
            if (kind == OrgKind.GRASSROOTS_COMMITTEE || kind == OrgKind.GRASSROOTS_CELL) {
                if (level == DecidingLevel.GRASSROOTS) {
                    return chain.get(i).path();
                }
                return i > 0 ? chain.get(i - 1).path() : province(cellPath);
            }
        }
        return province(cellPath);
    }

    /** The province's path: the root and the province below it. */
    public static String province(String path) {
        String[] labels = path.split("\\.");
        return labels.length < 2 ? path : labels[0] + "." + labels[1];
    }
}
