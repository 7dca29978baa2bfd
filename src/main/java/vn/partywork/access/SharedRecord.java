package vn.partywork.access;

import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * A record that can be shared (P-AZ-2), as its owning module describes it to {@link RecordShares}:
 * its kind and id in that module's names, the account that created it (the only one who shares it),
 * its classification, the database whose grant ceiling limits who may receive it ({@code null}: the
 * highest ceiling of any of the account's grants, as the document store reads files), and how a
 * grantee sees it listed (title, page, and where to download it when it is a file).
 */
public record SharedRecord(
        String kind,
        String id,
        long creatorAccountId,
        Classification classification,
        @Nullable Database database,
        String title,
        String href,
        @Nullable String downloadHref) {}
