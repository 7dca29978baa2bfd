package vn.partywork.document;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.document.internal.DocumentRows;
import vn.partywork.document.internal.FileStore;
import vn.partywork.document.internal.FileType;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * Stores files for records and reads them back (P-DOC-1); the rules are in the package comment.
 * The module that owns a record decides who may attach files to it and calls {@link #store} inside
 * its own transaction, so the files commit with the record or not at all.
 */
@Service
public class Documents {

    public static final int MAX_NAME = 255;
    static final String TARGET = "document";
    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final DocumentRows rows;
    private final FileStore files;
    private final AuditLog audit;
    private final Map<String, DocumentOwners> owners;
    private final DocumentSettings settings;
    private final Clock clock;

    Documents(
            DocumentRows rows,
            FileStore files,
            AuditLog audit,
            List<DocumentOwners> owners,
            DocumentSettings settings,
            Clock clock) {
        this.rows = rows;
        this.files = files;
        this.audit = audit;
        this.owners =
                owners.stream().collect(Collectors.toUnmodifiableMap(DocumentOwners::ownerType, Function.identity()));
        this.settings = settings;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return settings.maxSize().toBytes();
    }

    /**
     * Stores one file for a record. Refused: a classification above Thường until encryption exists
     * ({@code document.classification.unsupported}), an empty or oversized file
     * ({@code document.empty}, {@code document.tooLarge}), a missing or overlong name
     * ({@code document.name.invalid}), content that is not PDF, JPEG, PNG or DOCX or whose name
     * says otherwise ({@code document.type.notAllowed}).
     */
    @Transactional
    public DocumentInfo store(AccessScope scope, NewDocument document) {
        // P-DOC-1: files at Mật and above are encrypted before storage; until issue 6 brings the
        // encrypting store they are refused rather than written in clear.
        if (document.classification() != Classification.UNCLASSIFIED) {
            throw DomainException.invalid(
                    "document.classification.unsupported",
                    document.classification().label());
        }
        String name = cleanName(document.originalName());
        byte[] content = document.content();
        if (content.length == 0) {
            throw DomainException.invalid("document.empty", name);
        }
        if (content.length > maxSize()) {
            throw DomainException.invalid(
                    "document.tooLarge", name, settings.maxSize().toMegabytes());
        }
        FileType type = FileType.detect(content)
                .filter(t -> t.matchesName(name))
                .orElseThrow(() -> DomainException.invalid("document.type.notAllowed", name));
        String sha256 = sha256(content);
        Instant now = clock.instant();
        String key = files.put(sha256, content, document.classification());
        long id = rows.insert(
                document.ownerType(),
                document.ownerId(),
                name,
                type.contentType(),
                content.length,
                sha256,
                document.classification(),
                key,
                scope.accountId(),
                scope.identifier(),
                now);
        audit.record(AuditEvent.of(AuditAction.CREATE, TARGET, id)
                .classification(document.classification())
                .actorIdentifier(scope.identifier())
                .detail("ownerType", document.ownerType())
                .detail("ownerId", document.ownerId())
                .detail("name", name)
                .detail("contentType", type.contentType())
                .detail("size", content.length)
                .detail("sha256", sha256)
                .build());
        return new DocumentInfo(
                id,
                document.ownerType(),
                document.ownerId(),
                name,
                type.contentType(),
                content.length,
                sha256,
                document.classification(),
                scope.identifier(),
                now);
    }

    /** The files of a record the caller may see ({@code document.notFound} otherwise). */
    @Transactional(readOnly = true)
    public List<DocumentInfo> attachedTo(AccessScope scope, String ownerType, String ownerId) {
        if (!ownerVisible(scope, ownerType, ownerId)) {
            throw DomainException.notFound("document.notFound");
        }
        return rows.ownedBy(ownerType, ownerId);
    }

    /**
     * Reads a file whose owner the caller may see, after checking its SHA-256 again; audited. A file
     * changed or missing on disk is refused with {@code document.integrity} (and that is audited too).
     * Read-only, so that the audit event of a refused read is kept (see {@code AuditLog}).
     */
    @Transactional(readOnly = true)
    public DocumentContent read(AccessScope scope, long id) {
        DocumentRows.Row row = rows.byId(id)
                .filter(r -> ownerVisible(scope, r.info().ownerType(), r.info().ownerId()))
                .orElseThrow(() -> DomainException.notFound("document.notFound"));
        DocumentInfo info = row.info();
        byte[] bytes = null;
        try {
            bytes = files.get(row.storageKey());
        } catch (UncheckedIOException e) {
            log.error("Document {} ({}): its file cannot be read", id, row.storageKey(), e);
        }
        boolean intact = bytes != null && sha256(bytes).equals(info.sha256());
        AuditEvent.Builder event = AuditEvent.of(AuditAction.READ, TARGET, id)
                .classification(info.classification())
                .actorIdentifier(scope.identifier())
                .detail("ownerType", info.ownerType())
                .detail("ownerId", info.ownerId())
                .detail("name", info.originalName());
        if (!intact) {
            log.error("Document {} ({}): SHA-256 of the stored file differs from the recorded one", id, info.sha256());
            audit.record(event.detail("integrity", "FAILED").build());
            throw DomainException.conflict("document.integrity", info.originalName());
        }
        audit.record(event.build());
        return new DocumentContent(info, bytes);
    }

    private boolean ownerVisible(AccessScope scope, String ownerType, String ownerId) {
        DocumentOwners owner = owners.get(ownerType);
        return owner != null && owner.canRead(scope, ownerId);
    }

    /** The last path segment, without control characters; the name is only shown and offered on download. */
    static String cleanName(@Nullable String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.invalid("document.name.invalid", MAX_NAME);
        }
        return name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
