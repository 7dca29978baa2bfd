package vn.partywork.identity.internal;

import static vn.partywork.identity.internal.AccountStore.instant;
import static vn.partywork.identity.internal.AccountStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.identity.DeviceStatus;
import vn.partywork.identity.DeviceView;
import vn.partywork.shared.DomainException;

/** P-ID-7: the device register; activation codes and device credentials only as SHA-256 hashes. */
@Repository
public class DeviceStore {

    private static final String SELECT = """
            SELECT d.id, d.name, d.holder_id, a.identifier AS holder_identifier, d.org_id, d.status, d.expires_at,
                   d.registered_at, d.activated_at, d.version
              FROM identity.device d
              JOIN identity.account a ON a.id = d.holder_id
            """;

    /** What the check needs about the device a credential belongs to. */
    public record Credential(long deviceId, long holderId, DeviceStatus status, Instant expiresAt) {}

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String name,
            long holderId,
            long orgId,
            byte[] activationHash,
            Instant activationUntil,
            Instant expiresAt,
            long registeredBy,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO identity.device (name, holder_id, org_id, status, activation_hash, activation_until,
                                             expires_at, registered_by, registered_at)
                VALUES (:name, :holder, :org, 'PENDING', :activation, :activationUntil, :expires, :by, :now)
                RETURNING id
                """)
                .param("name", name)
                .param("holder", holderId)
                .param("org", orgId)
                .param("activation", activationHash)
                .param("activationUntil", ts(activationUntil))
                .param("expires", ts(expiresAt))
                .param("by", registeredBy)
                .param("now", ts(now))
                .query(Long.class)
                .single();
    }

    public Optional<DeviceView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id")
                .param("id", id)
                .query(DeviceStore::row)
                .optional();
    }

    /** Devices of organisations in the subtree (every device when {@code subtree} is null), newest first. */
    public List<DeviceView> list(@Nullable String subtree, int limit) {
        String where = subtree == null
                ? ""
                : " WHERE EXISTS (SELECT 1 FROM org.current_organisation o"
                        + " WHERE o.org_id = d.org_id AND o.path <@ CAST(:subtree AS ltree))";
        var sql = jdbc.sql(SELECT + where + " ORDER BY d.registered_at DESC, d.id DESC LIMIT :limit")
                .param("limit", limit);
        if (subtree != null) {
            sql = sql.param("subtree", subtree);
        }
        return sql.query(DeviceStore::row).list();
    }

    /**
     * Activates the holder's pending device whose unexpired code this is, storing the credential's
     * hash and forgetting the code; the device id, or empty when no such device.
     */
    public Optional<Long> activate(long holderId, byte[] activationHash, byte[] credentialHash, Instant now) {
        return jdbc.sql("""
                UPDATE identity.device
                   SET status = 'ACTIVE', credential_hash = :credential, activation_hash = NULL,
                       activation_until = NULL, activated_at = :now, version = version + 1
                 WHERE holder_id = :holder AND activation_hash = :activation AND status = 'PENDING'
                   AND activation_until > :now
                RETURNING id
                """)
                .param("holder", holderId)
                .param("activation", activationHash)
                .param("credential", credentialHash)
                .param("now", ts(now))
                .query(Long.class)
                .optional();
    }

    public Optional<Credential> byCredential(byte[] credentialHash) {
        return jdbc.sql("SELECT id, holder_id, status, expires_at FROM identity.device WHERE credential_hash = :hash")
                .param("hash", credentialHash)
                .query((rs, n) -> new Credential(
                        rs.getLong("id"),
                        rs.getLong("holder_id"),
                        DeviceStatus.valueOf(rs.getString("status")),
                        instant(rs, "expires_at")))
                .optional();
    }

    /** Changes the status, checking {@code version}; a revoked device also loses its credential. */
    public void setStatus(long id, int version, DeviceStatus status) {
        int updated = jdbc.sql("""
                UPDATE identity.device
                   SET status = :status, version = version + 1,
                       credential_hash = CASE WHEN :status = 'REVOKED' THEN NULL ELSE credential_hash END,
                       activation_hash = CASE WHEN :status = 'REVOKED' THEN NULL ELSE activation_hash END
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("status", status.name())
                .update();
        if (updated != 1) {
            throw DomainException.conflict("request.staleVersion");
        }
    }

    private static DeviceView row(ResultSet rs, int n) throws SQLException {
        return new DeviceView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("holder_id"),
                rs.getString("holder_identifier"),
                rs.getLong("org_id"),
                DeviceStatus.valueOf(rs.getString("status")),
                instant(rs, "expires_at"),
                instant(rs, "registered_at"),
                instant(rs, "activated_at"),
                rs.getInt("version"));
    }
}
