package vn.partywork.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * P-AU-1: the canonical encoding of an event and the chain hash, the one definition shared by the
 * sealer, the in-application verifier and the offline {@code audit-verify} command. Anyone can
 * re-implement it from this description:
 *
 * <pre>
 * hash(n) = SHA-256( hash(n-1) || "partywork-audit-v1\n" || field* )     hash(0) = 32 zero bytes
 * fields, in order: seq, occurred_at (µs since 1970-01-01T00:00Z), tx, actor_id, actor_identifier,
 *   acting_org_id, grant_id, client_address, request_id, action, target_type, target_id,
 *   classification, basis, changes, details
 * a field is 0x00 for SQL NULL, 0x01 + 8-byte big-endian two's complement for a number,
 *   0x02 + 4-byte big-endian byte length + UTF-8 bytes for text
 * </pre>
 *
 * Not thread-safe: one instance per thread.
 */
public final class EventCodec {

    public static final int HASH_BYTES = 32;
    private static final byte[] DOMAIN = "partywork-audit-v1\n".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    private final byte[] number = new byte[9];
    private final byte[] length = new byte[5];

    public EventCodec() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    public byte[] hash(byte[] previous, StoredEvent e) {
        sha256.reset();
        sha256.update(previous);
        sha256.update(DOMAIN);
        number(e.seq());
        number(e.occurredAtMicros());
        number(e.tx());
        number(e.actorId());
        text(e.actorIdentifier());
        number(e.actingOrgId());
        number(e.grantId());
        text(e.clientAddress());
        text(e.requestId());
        text(e.action());
        text(e.targetType());
        text(e.targetId());
        text(e.classification());
        text(e.basis());
        text(e.changes());
        text(e.details());
        return sha256.digest();
    }

    private void number(@Nullable Long value) {
        if (value == null) {
            sha256.update((byte) 0);
            return;
        }
        long v = value;
        number[0] = 1;
        for (int i = 8; i >= 1; i--) {
            number[i] = (byte) v;
            v >>>= 8;
        }
        sha256.update(number);
    }

    private void text(@Nullable String value) {
        if (value == null) {
            sha256.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        length[0] = 2;
        length[1] = (byte) (n >>> 24);
        length[2] = (byte) (n >>> 16);
        length[3] = (byte) (n >>> 8);
        length[4] = (byte) n;
        sha256.update(length);
        sha256.update(bytes);
    }
}
