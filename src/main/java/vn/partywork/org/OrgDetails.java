package vn.partywork.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation as it stood on {@code asOf}: the version valid that day, its ancestors from the
 * root down (breadcrumb, as they were that day), its children count and whether the caller may
 * restructure it (only for the current state).
 *
 * @param validTo end of this version, {@code null} while it is current
 * @param establishedOn the day the organisation first existed
 * @param dissolvedOn the day it ceased to exist (dissolved, split, merged or absorbed), if it did
 */
public record OrgDetails(
        OrgSummary org,
        LocalDate asOf,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        LocalDate establishedOn,
        @Nullable LocalDate dissolvedOn,
        List<OrgSummary> ancestors,
        int childCount,
        boolean writable) {

    public OrgDetails {
        ancestors = List.copyOf(ancestors);
    }

    public boolean current() {
        return validTo == null;
    }
}
