package vn.partywork.document;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;

/**
 * What the system knows about one stored file (P-DOC-1), with the description its uploader or a
 * grantee at EDIT level gave it (P-AZ-2).
 */
public record DocumentInfo(
        long id,
        String ownerType,
        String ownerId,
        String originalName,
        String contentType,
        long size,
        String sha256,
        Classification classification,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable String description) {

    /**
     * The same file without its description: at Mật and above the description travels with the
     * content (P-ID-7: only to a permitted device), so lists and pages without one leave it out.
     */
    public DocumentInfo withoutDescription() {
        return new DocumentInfo(
                id,
                ownerType,
                ownerId,
                originalName,
                contentType,
                size,
                sha256,
                classification,
                uploadedBy,
                uploadedAt,
                null);
    }

    /** "1,2 MB", "830 KB", "512 B" for people. */
    public String sizeLabel() {
        if (size >= 1024 * 1024) {
            return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%.1f MB", size / (1024.0 * 1024));
        }
        return size >= 1024 ? (size / 1024) + " KB" : size + " B";
    }
}
