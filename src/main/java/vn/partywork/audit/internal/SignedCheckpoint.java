package vn.partywork.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A signed head of the chain in the C2SP tlog-checkpoint / signed-note text format:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;seq of the head = number of events&gt;
 * &lt;base64 hash of the head&gt;
 * time &lt;ISO-8601 instant&gt;        (extension line)
 *
 * — &lt;key name&gt; &lt;base64(key id || Ed25519 signature of the text above the blank line)&gt;
 * </pre>
 *
 * The "root hash" here is the head of a hash chain, not a Merkle tree root.
 */
public record SignedCheckpoint(String origin, long seq, byte[] hash, Instant time, String note) {

    private static final String DASH = "\u2014 ";

    public static SignedCheckpoint sign(String origin, long seq, byte[] hash, Instant time, AuditKey key) {
        String body = origin + "\n" + seq + "\n" + Base64.getEncoder().encodeToString(hash) + "\ntime " + time + "\n";
        byte[] signature = key.sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] keyIdAndSignature = new byte[4 + signature.length];
        System.arraycopy(key.keyId(), 0, keyIdAndSignature, 0, 4);
        System.arraycopy(signature, 0, keyIdAndSignature, 4, signature.length);
        String note =
                body + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
        return new SignedCheckpoint(origin, seq, hash, time, note);
    }

    /**
     * Parses a note and accepts it only if one of its signature lines is a valid signature by
     * {@code trusted} (matching name and key id); otherwise throws {@link IllegalArgumentException}.
     */
    public static SignedCheckpoint open(String note, AuditKey trusted) {
        return open(note, List.of(trusted));
    }

    /** As {@link #open(String, AuditKey)}, accepting a signature by any of the keys (after a key rotation). */
    public static SignedCheckpoint open(String note, List<AuditKey> trusted) {
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note");
        }
        String body = note.substring(0, split + 1);
        boolean signed = false;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("malformed signature line");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                continue;
            }
            byte[] sig = Base64.getDecoder().decode(parts[1]);
            for (AuditKey key : trusted) {
                if (parts[0].equals(key.name())
                        && sig.length == 68
                        && Arrays.equals(Arrays.copyOf(sig, 4), key.keyId())
                        && key.verify(body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(sig, 4, 68))) {
                    signed = true;
                }
            }
        }
        if (!signed) {
            throw new IllegalArgumentException("checkpoint is not signed by the trusted key "
                    + trusted.get(0).name());
        }
        String[] lines = body.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint body has fewer than three lines");
        }
        Instant time = Instant.EPOCH;
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].startsWith("time ")) {
                time = Instant.parse(lines[i].substring(5));
            }
        }
        return new SignedCheckpoint(
                lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), time, note);
    }
}
