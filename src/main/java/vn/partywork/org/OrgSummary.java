package vn.partywork.org;

import org.jspecify.annotations.Nullable;

/** An organisation as it stands now (or as of a date): what other modules need to show or scope it. */
public record OrgSummary(
        long id,
        String code,
        String name,
        OrgKind kind,
        @Nullable Long parentId,
        String path) {}
