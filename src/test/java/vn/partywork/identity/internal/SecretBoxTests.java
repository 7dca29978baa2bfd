package vn.partywork.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** P-ID-4: the TOTP secrets at rest (AES-256-GCM, bound to their account). */
class SecretBoxTests {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedWithAFreshNonceEachTime() {
        SecretBox box = box();
        byte[] first = box.seal(SECRET, 7);
        byte[] second = box.seal(SECRET, 7);
        assertThat(first).isNotEqualTo(second).hasSize(12 + SECRET.length + 16);
        assertThat(box.open(first, 7)).isEqualTo(SECRET);
        assertThat(box.open(second, 7)).isEqualTo(SECRET);
    }

    @Test
    void refusesAnotherAccountsRowAnotherKeyAndAnyChangedByte() {
        SecretBox box = box();
        byte[] sealed = box.seal(SECRET, 7);
        assertThatThrownBy(() -> box.open(sealed, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box().open(sealed, 7)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, 7)).isInstanceOf(IllegalStateException.class);
    }

    private static SecretBox box() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }
}
