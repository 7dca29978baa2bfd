package vn.partywork.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings (P-AU-1).
 *
 * @param sealInterval how often committed events are chained (the longest an event stays unchained
 *        is this plus the duration of the longest writing transaction running when it committed)
 * @param checkpointInterval how often the head is signed, stored and written to {@code checkpointDir}
 * @param checkpointDir where signed checkpoints are written, outside the database
 *        ({@code <dir>/<log id>/checkpoint-<seq>} and {@code latest})
 * @param keyPath the Ed25519 signer key file ({@code .pub} beside it holds the verifier key)
 * @param keyName the key's name in checkpoint signatures and the first part of the checkpoint origin
 * @param generateKey create the key when it is absent; unset means only with demo data
 * @param previousKeys verifier keys ({@code name+id+base64}) of keys used before a rotation, so
 *        that checkpoints they signed still verify
 */
@ConfigurationProperties("partywork.audit")
record AuditSettings(
        @DefaultValue("1s") Duration sealInterval,
        @DefaultValue("5m") Duration checkpointInterval,
        @DefaultValue("./data/audit-checkpoints") Path checkpointDir,
        @DefaultValue("./data/audit-key") Path keyPath,
        @DefaultValue("partywork.local/audit") String keyName,
        @Nullable Boolean generateKey,
        @DefaultValue List<String> previousKeys) {}
