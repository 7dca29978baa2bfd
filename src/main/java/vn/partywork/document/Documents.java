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
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.access.RecordShares;
import vn.partywork.access.ShareLevel;
import vn.partywork.access.ShareView;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.document.internal.DocumentRows;
import vn.partywork.document.internal.FileCipher;
import vn.partywork.document.internal.FileStore;
import vn.partywork.document.internal.FileType;
import vn.partywork.document.internal.MasterKeys;
import vn.partywork.identity.DeviceCheck;
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
    private final FileCipher cipher;
    private final MasterKeys masterKeys;
    private final DeviceCheck devices;
    private final TransactionTemplate tx;
    private final RecordShares shares;

    /** The outcome of a key rotation: the active master key and how many data keys were re-wrapped under it. */
    public record KeyRotation(String activeKeyId, int rewrapped) {}

    Documents(
            DocumentRows rows,
            FileStore files,
            AuditLog audit,
            List<DocumentOwners> owners,
            DocumentSettings settings,
            Clock clock,
            FileCipher cipher,
            MasterKeys masterKeys,
            DeviceCheck devices,
            TransactionTemplate tx,
            RecordShares shares) {
        this.shares = shares;
        this.cipher = cipher;
        this.masterKeys = masterKeys;
        this.devices = devices;
        this.tx = tx;
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
     * Stores one file for a record; at Mật and above encrypted (P-DOC-1). Refused: a classification
     * above the owning module's ceiling ({@code document.classification.aboveCeiling}, P-CL-1) or
     * above the uploader's own grant ceiling ({@code document.classification.aboveGrant}), an empty or oversized file
     * ({@code document.empty}, {@code document.tooLarge}), a missing or overlong name
     * ({@code document.name.invalid}), content that is not PDF, JPEG, PNG or DOCX or whose name
     * says otherwise ({@code document.type.notAllowed}).
     */
    @Transactional
    public DocumentInfo store(AccessScope scope, NewDocument document) {
        DocumentOwners owner = owners.get(document.ownerType());
        Classification moduleCeiling = owner == null ? ModuleCeilings.DEFAULT : owner.ceiling();
        // P-CL-1: each module has a ceiling (inspection refuses Tối mật and Tuyệt mật, letters accept up to Tối mật).
        if (!document.classification().atMost(moduleCeiling)) {
            throw DomainException.invalid(
                    "document.classification.aboveCeiling",
                    document.classification().label(),
                    moduleCeiling.label());
        }
        // P-AZ-1: nobody files what they could not read back themselves.
        if (!document.classification().atMost(highestCeiling(scope))) {
            throw DomainException.invalid(
                    "document.classification.aboveGrant",
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
        String key;
        String keyId = null;
        byte[] wrappedKey = null;
        if (encrypted(document.classification())) {
            // P-DOC-1: files at Mật and above reach the disk only as AES-256-GCM ciphertext.
            FileCipher.Sealed sealed =
                    cipher.seal(content, sha256, document.classification().name());
            key = files.put(sha256(sealed.stored()), sealed.stored());
            keyId = sealed.keyId();
            wrappedKey = sealed.wrappedKey();
        } else {
            key = files.put(sha256, content);
        }
        long id = rows.insert(
                document.ownerType(),
                document.ownerId(),
                name,
                type.contentType(),
                content.length,
                sha256,
                document.classification(),
                key,
                keyId,
                wrappedKey,
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
                .detail("encrypted", keyId != null)
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
                now,
                null);
    }

    /**
     * The files of a record the caller may see ({@code document.notFound} otherwise), without those
     * classified above the caller's grant ceiling: for the caller those do not exist.
     */
    @Transactional(readOnly = true)
    public List<DocumentInfo> attachedTo(AccessScope scope, String ownerType, String ownerId) {
        if (!ownerVisible(scope, ownerType, ownerId)) {
            throw DomainException.notFound("document.notFound");
        }
        Classification ceiling = highestCeiling(scope);
        return rows.ownedBy(ownerType, ownerId).stream()
                .filter(d -> d.classification().atMost(ceiling))
                // The description of a classified file is shown only on its page, from a permitted device.
                .map(d -> encrypted(d.classification()) ? d.withoutDescription() : d)
                .toList();
    }

    /**
     * Reads a file whose owner the caller may see and whose classification is within the caller's
     * grant ceiling, or that is shared with the caller (P-AZ-2: a share in force, the grantee's ceiling
     * checked again, the use audited by the access module) — {@code document.notFound} otherwise,
     * exactly as for a file that does not exist —
     * from a permitted device when it is Mật or above ({@code identity.device.notPermitted}, P-ID-7),
     * decrypting it and checking its SHA-256 again; audited. A file changed or missing on disk is
     * refused with {@code document.integrity} (and that is audited too). Read-only, so that the audit
     * event of a refused read is kept (see {@code AuditLog}).
     */
    @Transactional(readOnly = true)
    public DocumentContent read(AccessScope scope, long id) {
        DocumentRows.Row row = rows.byId(id).orElseThrow(() -> DomainException.notFound("document.notFound"));
        @Nullable ShareView share = null;
        if (!visibleThroughOwner(scope, row.info())) {
            // P-AZ-2: a file shared with the caller; the share checks the grant ceiling and the device
            // again and audits its use. Without one the file does not exist for the caller.
            share = shares.use(scope, DocumentShareables.KIND, String.valueOf(id), ShareLevel.READ)
                    .orElseThrow(() -> DomainException.notFound("document.notFound"));
        }
        DocumentInfo info = row.info();
        AuditEvent.Builder event = AuditEvent.of(AuditAction.READ, TARGET, id)
                .classification(info.classification())
                .actorIdentifier(scope.identifier())
                .detail("ownerType", info.ownerType())
                .detail("ownerId", info.ownerId())
                .detail("name", info.originalName())
                .detail("share", share == null ? null : share.id());
        try {
            devices.requirePermitted(scope.accountId(), info.classification());
        } catch (DomainException refused) {
            audit.record(event.detail("device", "NOT_PERMITTED").build());
            throw refused;
        }
        byte[] bytes = null;
        try {
            byte[] stored = files.get(row.storageKey());
            bytes = row.keyId() == null
                    ? stored
                    : cipher.open(
                            stored,
                            row.keyId(),
                            row.wrappedKey(),
                            info.sha256(),
                            info.classification().name());
        } catch (UncheckedIOException e) {
            log.error("Document {} ({}): its file cannot be read", id, row.storageKey(), e);
        } catch (FileCipher.IntegrityFailure e) {
            log.error("Document {} ({}): the encrypted file does not authenticate", id, row.storageKey(), e);
        }
        boolean intact = bytes != null && sha256(bytes).equals(info.sha256());
        if (!intact) {
            log.error("Document {} ({}): SHA-256 of the stored file differs from the recorded one", id, info.sha256());
            audit.record(event.detail("integrity", "FAILED").build());
            throw DomainException.conflict("document.integrity", info.originalName());
        }
        audit.record(event.build());
        return new DocumentContent(info, bytes);
    }

    /**
     * Key rotation (P-DOC-1): with {@code generateKey} (only for keys kept in the key file) a new
     * random master key is added and made active first; then every data key wrapped under another
     * master key is unwrapped and wrapped again under the active one, in batches, each file's change
     * audited. The encrypted files themselves are not touched. Once it reports no file left under an
     * old key, that key can be removed from the configuration.
     */
    public KeyRotation rotateMasterKey(String actorIdentifier, boolean generateKey) {
        if (generateKey) {
            if (!masterKeys.keptInFile()) {
                throw DomainException.conflict("document.keyRotation.configured");
            }
            masterKeys.addGeneratedKey();
        }
        String active = masterKeys.activeId();
        int total = 0;
        while (true) {
            Integer batch = tx.execute(status -> {
                List<DocumentRows.WrappedKey> pending = rows.wrappedUnderOtherKeys(active, 500);
                for (DocumentRows.WrappedKey k : pending) {
                    FileCipher.Sealed rewrapped = cipher.rewrap(k.keyId(), k.wrappedKey());
                    rows.rewrapped(k.id(), k.keyId(), rewrapped.keyId(), rewrapped.wrappedKey());
                    audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, k.id())
                            .actorIdentifier(actorIdentifier)
                            .change("masterKeyId", k.keyId(), rewrapped.keyId())
                            .detail("reason", "key rotation")
                            .build());
                }
                return pending.size();
            });
            if (batch == null || batch == 0) {
                break;
            }
            total += batch;
        }
        log.info(
                "Document key rotation by {}: {} data keys re-wrapped under master key {}",
                actorIdentifier,
                total,
                active);
        return new KeyRotation(active, total);
    }

    /** P-DOC-1: files at Mật and above are stored encrypted. */
    static boolean encrypted(Classification classification) {
        return !classification.atMost(Classification.UNCLASSIFIED);
    }

    /** P-AZ-1: the highest classification ceiling among the caller's active grants. */
    static Classification highestCeiling(AccessScope scope) {
        return scope.entries().stream()
                .map(AccessScope.Entry::ceiling)
                .reduce(Classification.UNCLASSIFIED, Classification::max);
    }

    /**
     * Whether the caller reaches the file through their own grants (its owning record is visible to
     * them and its classification within their ceiling), not through a share.
     */
    boolean visibleThroughOwner(AccessScope scope, DocumentInfo info) {
        return ownerVisible(scope, info.ownerType(), info.ownerId())
                && info.classification().atMost(highestCeiling(scope));
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
