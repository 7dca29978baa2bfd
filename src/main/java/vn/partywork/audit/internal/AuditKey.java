package vn.partywork.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 key in the C2SP signed-note formats: the verifier key ("vkey")
 * {@code <name>+<hex key id>+<base64(0x01 || public key)>}, and the signer key file
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>} (as Go's golang.org/x/mod/sumdb/note).
 * The key id is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key).
 */
public final class AuditKey {

    private static final byte ED25519 = 1;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] publicKey;
    private final byte[] keyId;
    private final @Nullable PrivateKey privateKey;

    private AuditKey(String name, byte[] publicKey, @Nullable PrivateKey privateKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("key name must be non-empty without '+' or spaces: " + name);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey;
        this.keyId = keyId(name, publicKey);
    }

    public static AuditKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            return new AuditKey(name, Arrays.copyOfRange(spki, spki.length - 32, spki.length), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a verifier key ({@code name+keyid+base64}); it can verify but not sign. */
    public static AuditKey verifier(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a verifier key: " + vkey);
        }
        byte[] key = Base64.getDecoder().decode(parts[2]);
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key: " + vkey);
        }
        AuditKey parsed = new AuditKey(parts[0], Arrays.copyOfRange(key, 1, 33), null);
        if (!HexFormat.of().formatHex(parsed.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("verifier key id does not match the key: " + vkey);
        }
        return parsed;
    }

    /** Loads the signer key at {@code path} (and its {@code .pub}), creating both if absent and allowed. */
    public static AuditKey load(Path path, String name, boolean generateIfAbsent) throws IOException {
        Path pub = path.resolveSibling(path.getFileName() + ".pub");
        if (!Files.exists(path)) {
            if (!generateIfAbsent) {
                throw new IllegalStateException("Audit signing key " + path.toAbsolutePath()
                        + " not found; configure partywork.audit.key-path (see README, Audit)");
            }
            AuditKey key = generate(name);
            Files.createDirectories(path.toAbsolutePath().getParent());
            write(path, key.signerKey() + "\n", true);
            write(pub, key.vkey() + "\n", false);
            return key;
        }
        String[] parts =
                Files.readString(path, StandardCharsets.US_ASCII).strip().split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new IllegalStateException(path + " is not a signed-note signer key");
        }
        byte[] seed = Base64.getDecoder().decode(parts[4]);
        AuditKey verifier = verifier(Files.readString(pub, StandardCharsets.US_ASCII));
        if (seed.length != 33
                || seed[0] != ED25519
                || !verifier.name.equals(parts[2])
                || !HexFormat.of().formatHex(verifier.keyId).equals(parts[3])) {
            throw new IllegalStateException(path + " and " + pub + " do not belong together");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(
                            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOfRange(seed, 1, 33)));
            AuditKey key = new AuditKey(verifier.name, verifier.publicKey, privateKey);
            byte[] probe = key.sign("probe".getBytes(StandardCharsets.US_ASCII));
            if (!key.verify("probe".getBytes(StandardCharsets.US_ASCII), probe)) {
                throw new IllegalStateException(path + " does not match its public key " + pub);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    public String name() {
        return name;
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public String vkey() {
        return name + "+" + HexFormat.of().formatHex(keyId) + "+"
                + Base64.getEncoder().encodeToString(prefixed(publicKey));
    }

    private String signerKey() {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
        return "PRIVATE+KEY+" + name + "+" + HexFormat.of().formatHex(keyId) + "+"
                + Base64.getEncoder().encodeToString(prefixed(seed));
    }

    public byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("verifier key cannot sign");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(byte[] message, byte[] signatureBytes) {
        try {
            byte[] spki = new byte[SPKI_PREFIX.length + 32];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] prefixed(byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = ED25519;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    private static byte[] keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            sha.update(publicKey);
            return Arrays.copyOf(sha.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
