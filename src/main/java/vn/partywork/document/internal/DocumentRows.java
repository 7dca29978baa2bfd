package vn.partywork.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.document.DocumentInfo;
import vn.partywork.shared.Classification;

/** The metadata rows of schema {@code document}; scope is checked by the service through the owner. */
@Repository
public class DocumentRows {

    /**
     * A row with where its bytes are kept and, for a classified file, the id of the master key that
     * wrapped its data key and the wrapped key (P-DOC-1).
     */
    public record Row(
            DocumentInfo info,
            String storageKey,
            @Nullable String keyId,
            byte @Nullable [] wrappedKey,
            long uploaderAccountId,
            int version) {}

    /** A remark on a file (P-AZ-2: from the owner side or a grantee at COMMENT level). */
    public record Comment(long id, long authorAccountId, String author, String body, Instant createdAt) {}

    /** The data key of one encrypted file, for key rotation. */
    public record WrappedKey(long id, String keyId, byte[] wrappedKey) {}

    private static final String SELECT = """
            SELECT id, owner_type, owner_id, original_name, content_type, size_bytes, sha256, classification,
                   storage_key, key_id, wrapped_key, uploaded_by_account, uploaded_by, uploaded_at, description,
                   version
              FROM document.document
            """;

    /** The most files one record lists (evidence is a handful; a runaway list must not fill a page). */
    private static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;

    DocumentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String ownerType,
            String ownerId,
            String originalName,
            String contentType,
            long size,
            String sha256,
            Classification classification,
            String storageKey,
            @Nullable String keyId,
            byte @Nullable [] wrappedKey,
            long accountId,
            String identifier,
            Instant at) {
        return jdbc.sql("""
                INSERT INTO document.document (owner_type, owner_id, original_name, content_type, size_bytes, sha256,
                                               classification, storage_key, key_id, wrapped_key,
                                               uploaded_by_account, uploaded_by, uploaded_at)
                VALUES (:ownerType, :ownerId, :name, :type, :size, :sha, :classification, :key, :keyId, :wrapped,
                        :account, :identifier, :at)
                RETURNING id""")
                .param("ownerType", ownerType)
                .param("ownerId", ownerId)
                .param("name", originalName)
                .param("type", contentType)
                .param("size", size)
                .param("sha", sha256)
                .param("classification", classification.name())
                .param("key", storageKey)
                .param("keyId", keyId, java.sql.Types.VARCHAR)
                .param("wrapped", wrappedKey, java.sql.Types.BINARY)
                .param("account", accountId)
                .param("identifier", identifier)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(DocumentRows::row)
                .optional();
    }

    public List<DocumentInfo> ownedBy(String ownerType, String ownerId) {
        return jdbc
                .sql(SELECT + " WHERE owner_type = :type AND owner_id = :id ORDER BY id LIMIT :limit")
                .param("type", ownerType)
                .param("id", ownerId)
                .param("limit", LIST_LIMIT)
                .query(DocumentRows::row)
                .list()
                .stream()
                .map(Row::info)
                .toList();
    }

    /** Up to {@code limit} encrypted files whose data key is wrapped under another key than {@code keyId}. */
    public List<WrappedKey> wrappedUnderOtherKeys(String keyId, int limit) {
        return jdbc.sql("""
                SELECT id, key_id, wrapped_key FROM document.document
                 WHERE key_id IS NOT NULL AND key_id <> :keyId
                 ORDER BY id LIMIT :limit
                 FOR UPDATE SKIP LOCKED""")
                .param("keyId", keyId)
                .param("limit", limit)
                .query((rs, n) -> new WrappedKey(rs.getLong("id"), rs.getString("key_id"), rs.getBytes("wrapped_key")))
                .list();
    }

    public void rewrapped(long id, String oldKeyId, String newKeyId, byte[] wrappedKey) {
        jdbc.sql("UPDATE document.document SET key_id = :new, wrapped_key = :wrapped WHERE id = :id AND key_id = :old")
                .param("new", newKeyId)
                .param("wrapped", wrappedKey)
                .param("id", id)
                .param("old", oldKeyId)
                .update();
    }

    /** Changes the description when the row is still at {@code version}; false when it is not. */
    public boolean describe(long id, int version, @Nullable String description) {
        return jdbc.sql("""
                UPDATE document.document SET description = :description, version = version + 1
                 WHERE id = :id AND version = :version""")
                        .param("description", description, java.sql.Types.VARCHAR)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public long addComment(long documentId, long authorAccountId, String author, String body, Instant at) {
        return jdbc.sql("""
                INSERT INTO document.document_comment (document_id, author_account, author, body, created_at)
                VALUES (:document, :account, :author, :body, :at)
                RETURNING id""")
                .param("document", documentId)
                .param("account", authorAccountId)
                .param("author", author)
                .param("body", body)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** The remarks on a file, oldest first (a small thread; at most 500). */
    public List<Comment> comments(long documentId) {
        return jdbc.sql("""
                SELECT id, author_account, author, body, created_at FROM document.document_comment
                 WHERE document_id = :document ORDER BY id LIMIT 500""")
                .param("document", documentId)
                .query((rs, n) -> new Comment(
                        rs.getLong("id"),
                        rs.getLong("author_account"),
                        rs.getString("author"),
                        rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new DocumentInfo(
                        rs.getLong("id"),
                        rs.getString("owner_type"),
                        rs.getString("owner_id"),
                        rs.getString("original_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        Classification.valueOf(rs.getString("classification")),
                        rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("description")),
                rs.getString("storage_key"),
                rs.getString("key_id"),
                rs.getBytes("wrapped_key"),
                rs.getLong("uploaded_by_account"),
                rs.getInt("version"));
    }
}
