package vn.partywork.catalogue;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A catalogue with the version in force today. */
public record CatalogueSummary(
        String code,
        String name,
        @Nullable String description,
        int currentVersion,
        LocalDate validFrom,
        int entryCount) {}
