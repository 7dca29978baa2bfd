package vn.partywork.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P-AU-1: keys and checkpoints in the C2SP signed-note formats, without Spring. */
class SignedCheckpointTests {

    @TempDir
    Path dir;

    @Test
    void keysSurviveTheirTextFormsWhateverTheirBase64Holds() throws Exception {
        // base64 may contain '+', the field separator: only the first separators split
        for (int i = 0; i < 50; i++) {
            Path file = dir.resolve("key" + i);
            AuditKey generated = AuditKey.load(file, "partywork.test/audit", true);
            AuditKey loaded = AuditKey.load(file, "partywork.test/audit", false);
            AuditKey verifier = AuditKey.verifier(generated.vkey());
            assertThat(loaded.vkey()).isEqualTo(generated.vkey());
            SignedCheckpoint signed = SignedCheckpoint.sign("o/1", 7, new byte[32], Instant.EPOCH, loaded);
            assertThat(SignedCheckpoint.open(signed.note(), verifier).seq()).isEqualTo(7);
        }
    }

    @Test
    void noteHasTheSignedNoteShape() {
        AuditKey key = AuditKey.generate("partywork.test/audit");
        SignedCheckpoint signed = SignedCheckpoint.sign(
                "partywork.test/audit/abc", 42, new byte[32], Instant.parse("2026-11-23T00:00:00Z"), key);
        assertThat(signed.note()).startsWith("""
                partywork.test/audit/abc
                42
                AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
                time 2026-11-23T00:00:00Z

                \u2014 partywork.test/audit\s""");
        SignedCheckpoint opened = SignedCheckpoint.open(signed.note(), AuditKey.verifier(key.vkey()));
        assertThat(opened.origin()).isEqualTo("partywork.test/audit/abc");
        assertThat(opened.time()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void alteredNotesAndForeignKeysAreRefused() {
        AuditKey key = AuditKey.generate("partywork.test/audit");
        AuditKey other = AuditKey.generate("partywork.test/audit");
        SignedCheckpoint signed = SignedCheckpoint.sign("o/1", 42, new byte[32], Instant.EPOCH, key);
        assertThatThrownBy(() ->
                        SignedCheckpoint.open(signed.note().replace("\n42\n", "\n43\n"), AuditKey.verifier(key.vkey())))
                .hasMessageContaining("not signed by the trusted key");
        assertThatThrownBy(() -> SignedCheckpoint.open(signed.note(), AuditKey.verifier(other.vkey())))
                .hasMessageContaining("not signed by the trusted key");
    }

    @Test
    void afterARotationCheckpointsOfThePreviousKeyStillVerify() {
        AuditKey previous = AuditKey.generate("partywork.test/audit");
        AuditKey current = AuditKey.generate("partywork.test/audit");
        SignedCheckpoint old = SignedCheckpoint.sign("o/1", 9, new byte[32], Instant.EPOCH, previous);
        assertThat(SignedCheckpoint.open(
                                old.note(),
                                java.util.List.of(
                                        AuditKey.verifier(current.vkey()), AuditKey.verifier(previous.vkey())))
                        .seq())
                .isEqualTo(9);
        assertThatThrownBy(() -> SignedCheckpoint.open(old.note(), AuditKey.verifier(current.vkey())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
