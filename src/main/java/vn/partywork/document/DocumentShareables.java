package vn.partywork.document;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.access.ShareableRecords;
import vn.partywork.access.SharedRecord;
import vn.partywork.document.internal.DocumentRows;
import vn.partywork.shared.AccessScope;

/**
 * P-AZ-2: files are shareable records (kind {@value #KIND}); their creator is the uploader, their
 * owner side whoever sees the owning record within their grant ceiling. The database is left open
 * ({@code null}): the grantee's ceiling is the highest of their grants, the same rule by which the
 * document store limits every reader of files.
 */
@Component
class DocumentShareables implements ShareableRecords {

    static final String KIND = "document";

    private final DocumentRows rows;
    private final Documents documents;

    DocumentShareables(DocumentRows rows, Documents documents) {
        this.rows = rows;
        this.documents = documents;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<SharedRecord> find(String recordId) {
        long id;
        try {
            id = Long.parseLong(recordId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return rows.byId(id).map(DocumentShareables::record);
    }

    @Override
    public boolean visibleWithoutShare(AccessScope scope, SharedRecord record) {
        return rows.byId(Long.parseLong(record.id()))
                .filter(r -> documents.visibleThroughOwner(scope, r.info()))
                .isPresent();
    }

    static SharedRecord record(DocumentRows.Row row) {
        DocumentInfo info = row.info();
        return new SharedRecord(
                KIND,
                String.valueOf(info.id()),
                row.uploaderAccountId(),
                info.classification(),
                null,
                // A classified file's description travels with its content (permitted device only).
                info.description() == null || Documents.encrypted(info.classification())
                        ? info.originalName()
                        : info.originalName() + " — " + info.description(),
                "/documents/" + info.id() + "/info",
                "/documents/" + info.id());
    }
}
