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
 * <p><b>Encryption seam (issue 6).</b> P-DOC-1 requires files at Mật and above to be encrypted
 * before storage. That is not built yet, so {@link vn.partywork.document.Documents#store} refuses a
 * classification above Thường ({@code document.classification.unsupported}) instead of storing it in
 * clear. The seam is {@code internal.FileStore}: the service hands it the plain bytes with their
 * classification and gets back a storage key; an encrypting store (AES-256-GCM, key id in the
 * storage key) replaces the plain one for classified files without touching callers or the table.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
@NullMarked
package vn.partywork.document;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
