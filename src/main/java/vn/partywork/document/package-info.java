/**
 * Electronic files attached to records (P-DOC-1): the bytes on disk under
 * {@code partywork.document.dir}, content-addressed by SHA-256, and one metadata row per file
 * (original name, detected type, size, SHA-256, classification, who uploaded it and when, and the
 * owning record).
 *
 * <p><b>Types and sizes.</b> PDF, JPEG, PNG and DOCX only, recognised from the content itself (the
 * file's signature; for DOCX, a ZIP whose central directory holds {@code word/document.xml}), never
 * from what the browser claims; the name's extension must agree. At most
 * {@code partywork.document.max-size} (default 10 MB) per file.
 *
 * <p><b>Reads are scoped through the owner.</b> A file belongs to a record of another module
 * ({@code ownerType}, {@code ownerId}); that module implements {@link vn.partywork.document.DocumentOwners}
 * and answers whether the caller may see the record. A file whose owner the caller cannot see does
 * not exist for them (404). Every read is audited, and the SHA-256 is computed again on every read:
 * a file changed or damaged on disk is refused ({@code document.integrity}) and the failure audited.
 *
 * <p><b>Classified files (P-DOC-1, P-CL-1, issue 6 item 5).</b> A file at Mật or above reaches
 * the disk only encrypted: AES-256-GCM under a random per-file data key, which is wrapped (AES key
 * wrap) by a master key from the configuration or the key file ({@code internal.MasterKeys}); the
 * wrapped key and the master key's id are kept in the row, so a key rotation
 * ({@link vn.partywork.document.Documents#rotateMasterKey}) re-wraps data keys without touching any
 * file. Each owning module has a ceiling ({@link vn.partywork.document.ModuleCeilings}); above it a
 * file is refused. A caller sees only files up to the highest ceiling of their grants: a file above
 * it answers {@code document.notFound} (404) exactly like one outside their scope, and is left out of
 * lists. A file at Mật or above is given only to a permitted device (P-ID-7,
 * {@code identity.device.notPermitted}, 403, audited). A tampered ciphertext fails the GCM tag and is
 * refused as {@code document.integrity}.
 *
 * <p><b>Shares (P-AZ-2, issue 6 item 3).</b> The uploader of a file shares it with named accounts
 * through the access module's {@link vn.partywork.access.RecordShares} (kind {@code document}): READ
 * downloads it, COMMENT also adds remarks to the file's comment thread (read by the owner side, i.e.
 * whoever sees the owning record, and by grantees at COMMENT level or above), EDIT also changes its
 * description. The file itself is never replaced: its SHA-256 is its identity and the evidence it
 * is. A share never lifts classification: the grantee's grant ceiling (the highest of their grants,
 * as for every reader of files) and, at Mật and above, a permitted device are checked at every use.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "access"})
@NullMarked
package vn.partywork.document;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
