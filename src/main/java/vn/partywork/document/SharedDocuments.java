package vn.partywork.document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.NewShare;
import vn.partywork.access.RecordShares;
import vn.partywork.access.ShareLevel;
import vn.partywork.access.ShareView;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.document.internal.DocumentRows;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * Files shared with named accounts (P-AZ-2, issue 6 item 3), the first consumer of
 * {@link RecordShares}: the uploader shares a file; a grantee at READ downloads it (through
 * {@link Documents#read}), at COMMENT also adds remarks to the file's comment thread, at EDIT also
 * changes its description. The owner side (whoever sees the owning record within their ceiling)
 * reads the thread and the shares in force and may reply; the uploader alone shares, revokes and,
 * on the owner side, edits the description. At Mật and above, the thread and the description are
 * read and written only from a permitted device (P-ID-7), like the file.
 */
@Service
public class SharedDocuments {

    static final int MAX_COMMENT = 2000;
    static final int MAX_DESCRIPTION = 1000;
    static final String COMMENT_TARGET = "document_comment";

    /** A remark on a file. */
    public record DocumentComment(long id, String author, String body, Instant createdAt) {}

    /**
     * A file as the caller reaches it: on the owner side or through {@code share}; what the caller may
     * do with it; {@code deviceMissing} when it is classified and this device is not permitted.
     */
    public record DocumentFile(
            DocumentInfo info,
            int version,
            boolean ownerSide,
            @Nullable ShareView share,
            boolean mayShare,
            boolean mayComment,
            boolean mayEdit,
            boolean deviceMissing) {}

    private final DocumentRows rows;
    private final Documents documents;
    private final RecordShares shares;
    private final DeviceCheck devices;
    private final AuditLog audit;
    private final Clock clock;

    SharedDocuments(
            DocumentRows rows,
            Documents documents,
            RecordShares shares,
            DeviceCheck devices,
            AuditLog audit,
            Clock clock) {
        this.rows = rows;
        this.documents = documents;
        this.shares = shares;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The file's page: what it is and what the caller may do; {@code document.notFound} when unreachable. */
    @Transactional(readOnly = true)
    public DocumentFile file(AccessScope scope, long id) {
        DocumentRows.Row row = row(id);
        boolean ownerSide = documents.visibleThroughOwner(scope, row.info());
        ShareView share = ownerSide
                ? null
                : shares.authorised(scope, DocumentShareables.KIND, String.valueOf(id), ShareLevel.READ)
                        .orElseThrow(() -> DomainException.notFound("document.notFound"));
        boolean creator = ownerSide && row.uploaderAccountId() == scope.accountId();
        boolean deviceMissing = !devicePermitted(scope, row.info().classification());
        return new DocumentFile(
                deviceMissing ? row.info().withoutDescription() : row.info(),
                row.version(),
                ownerSide,
                share,
                creator,
                ownerSide || share.level().includes(ShareLevel.COMMENT),
                creator || (share != null && share.level().includes(ShareLevel.EDIT)),
                deviceMissing);
    }

    /** The shares in force of a file, for its owner side. */
    @Transactional(readOnly = true)
    public List<ShareView> shares(AccessScope scope, long id) {
        return shares.active(scope, DocumentShareables.KIND, String.valueOf(id));
    }

    /** Shares a file the caller uploaded (the rules and codes of {@link RecordShares#share}). */
    @Transactional
    public ShareView share(AccessScope scope, long id, NewShare command) {
        return shares.share(scope, DocumentShareables.KIND, String.valueOf(id), command);
    }

    @Transactional
    public ShareView revoke(AccessScope scope, long id, long shareId) {
        return shares.revoke(scope, DocumentShareables.KIND, String.valueOf(id), shareId);
    }

    /**
     * The comment thread of a file, for the owner side and grantees at COMMENT or EDIT; a grantee at
     * READ is refused ({@code document.share.levelTooLow}, 403). Audited: a READ of the file's
     * comments on the owner side, a use of the share otherwise.
     */
    @Transactional(readOnly = true)
    public List<DocumentComment> comments(AccessScope scope, long id) {
        DocumentRows.Row row = row(id);
        ShareView share = require(scope, row, ShareLevel.COMMENT);
        if (share == null) {
            audit.record(AuditEvent.of(AuditAction.READ, Documents.TARGET, id)
                    .classification(row.info().classification())
                    .actorIdentifier(scope.identifier())
                    .detail("part", "comments")
                    .build());
        }
        return rows.comments(id).stream()
                .map(c -> new DocumentComment(c.id(), c.author(), c.body(), c.createdAt()))
                .toList();
    }

    /**
     * Adds a remark ({@code document.comment.required}, {@code document.comment.tooLong}); the owner
     * side and grantees at COMMENT or EDIT. Audited as a CREATE of a {@value #COMMENT_TARGET}.
     */
    @Transactional
    public DocumentComment comment(AccessScope scope, long id, @Nullable String body) {
        DocumentRows.Row row = row(id);
        ShareView share = require(scope, row, ShareLevel.COMMENT);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("document.comment.required");
        }
        if (text.length() > MAX_COMMENT) {
            throw DomainException.invalid("document.comment.tooLong", MAX_COMMENT);
        }
        Instant now = clock.instant();
        long commentId = rows.addComment(id, scope.accountId(), scope.identifier(), text, now);
        audit.record(AuditEvent.of(AuditAction.CREATE, COMMENT_TARGET, commentId)
                .classification(row.info().classification())
                .actorIdentifier(scope.identifier())
                .change("body", null, text)
                .detail("document", id)
                .detail("share", share == null ? null : share.id())
                .build());
        return new DocumentComment(commentId, scope.identifier(), text, now);
    }

    /**
     * Changes the file's description (empty removes it; {@code document.description.tooLong}); the
     * uploader or a grantee at EDIT ({@code document.edit.forbidden} for the rest of the owner side,
     * {@code document.share.levelTooLow} for grantees below EDIT). A stale {@code version} is
     * {@code request.staleVersion}. Audited with old → new.
     */
    @Transactional
    public DocumentInfo describe(AccessScope scope, long id, @Nullable String description, @Nullable Integer version) {
        DocumentRows.Row row = row(id);
        ShareView share = require(scope, row, ShareLevel.EDIT);
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("document.description.tooLong", MAX_DESCRIPTION);
        }
        int expected = version == null ? row.version() : version;
        if (!rows.describe(id, expected, text)) {
            throw DomainException.conflict("request.staleVersion");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, Documents.TARGET, id)
                .classification(row.info().classification())
                .actorIdentifier(scope.identifier())
                .change("description", row.info().description(), text)
                .detail("share", share == null ? null : share.id())
                .build());
        return row(id).info();
    }

    /**
     * The share through which the caller acts, or null on the owner side; refuses what the caller may
     * not do. On the owner side editing is the uploader's; a classified file needs a permitted device.
     */
    private @Nullable ShareView require(AccessScope scope, DocumentRows.Row row, ShareLevel needed) {
        String id = String.valueOf(row.info().id());
        if (documents.visibleThroughOwner(scope, row.info())) {
            if (needed == ShareLevel.EDIT && row.uploaderAccountId() != scope.accountId()) {
                throw DomainException.forbidden("document.edit.forbidden");
            }
            // P-ID-7: the thread and the description travel with the file's classification.
            devices.requirePermitted(scope.accountId(), row.info().classification());
            return null;
        }
        Optional<ShareView> share = shares.use(scope, DocumentShareables.KIND, id, needed);
        if (share.isPresent()) {
            return share.get();
        }
        Optional<ShareView> lower = shares.authorised(scope, DocumentShareables.KIND, id, ShareLevel.READ);
        if (lower.isPresent()) {
            throw DomainException.forbidden(
                    "document.share.levelTooLow", lower.get().level().label());
        }
        throw DomainException.notFound("document.notFound");
    }

    private boolean devicePermitted(AccessScope scope, Classification classification) {
        try {
            devices.requirePermitted(scope.accountId(), classification);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private DocumentRows.Row row(long id) {
        return rows.byId(id).orElseThrow(() -> DomainException.notFound("document.notFound"));
    }
}
