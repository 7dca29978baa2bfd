package vn.partywork.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** P-ID-4: TOTP against the SHA-1 test vectors of RFC 6238 Appendix B, and base32 per RFC 4648. */
class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59,          94287082, 287082",
        "1111111109,  07081804, 081804",
        "1111111111,  14050471, 050471",
        "1234567890,  89005924, 005924",
        "2000000000,  69279037, 279037",
        "20000000000, 65353130, 353130"
    })
    void matchesTheRfc6238Sha1VectorsInEightAndSixDigits(long time, String eight, String six) {
        long step = Totp.step(Instant.ofEpochSecond(time));
        assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(eight);
        assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(six);
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @Test
    void base32FollowsRfc4648AndReadsWhatAppsShow() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Totp.fromBase32("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }
}
