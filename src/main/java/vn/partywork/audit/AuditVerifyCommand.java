package vn.partywork.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import vn.partywork.audit.internal.AuditKey;
import vn.partywork.audit.internal.ChainVerifier;
import vn.partywork.audit.internal.SignedCheckpoint;

/**
 * P-AU-1: {@code java -jar partywork.jar audit-verify --db-url jdbc:postgresql://… [--db-user u]
 * [--db-password p | env AUDIT_DB_PASSWORD] [--schema audit] [--checkpoint file]… [--key vkey-or-file]…}
 * (several keys after a key rotation).
 * Recomputes the chain from the database with plain JDBC, without starting the application, and
 * checks it against signed checkpoint files verified with a key the auditor holds (default
 * {@code ./data/audit-key.pub}). Prints one JSON line; exits 0 when intact, 1 when broken, 2 when
 * the arguments, a checkpoint's signature or the connection are refused.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = null;
        String password = System.getenv("AUDIT_DB_PASSWORD");
        String schema = "audit";
        List<String> keys = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = args.length > 0 && args[0].equals("audit-verify") ? 1 : 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                err.println("missing value after " + args[i]);
                return 2;
            }
            switch (args[i++]) {
                case "--db-url" -> url = value;
                case "--db-user" -> user = value;
                case "--db-password" -> password = value;
                case "--schema" -> schema = value;
                case "--checkpoint" -> files.add(Path.of(value));
                case "--key" -> keys.add(value);
                default -> {
                    err.println("unknown option " + args[i - 1]);
                    return 2;
                }
            }
        }
        if (url == null) {
            err.println("usage: audit-verify --db-url jdbc:postgresql://host/db [--db-user u] [--db-password p]"
                    + " [--schema audit] [--checkpoint file]... [--key name+id+base64 | file]");
            return 2;
        }
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        try {
            if (!files.isEmpty()) {
                List<AuditKey> trusted = new ArrayList<>();
                if (keys.isEmpty()) {
                    keys.add("./data/audit-key.pub");
                }
                for (String key : keys) {
                    trusted.add(AuditKey.verifier(keyText(key)));
                }
                for (Path file : files) {
                    checkpoints.add(SignedCheckpoint.open(Files.readString(file, StandardCharsets.UTF_8), trusted));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("checkpoint refused: " + e.getMessage());
            out.println(json(new AuditVerification(false, 0, null, "checkpoint refused: " + e.getMessage())));
            return 2;
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setReadOnly(true);
            long start = System.nanoTime();
            AuditVerification result = ChainVerifier.verify(connection, schema, checkpoints);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(json(result));
            err.printf(
                    "checked %d events in %.1f s against %d checkpoint(s)%n",
                    result.checked(), seconds, checkpoints.size());
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            err.println("cannot read the audit log: " + e.getMessage());
            return 2;
        }
    }

    private static String keyText(String key) throws IOException {
        Path file = Path.of(key);
        if (key.contains("+") && !Files.exists(file)) {
            return key;
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    static String json(AuditVerification v) {
        return "{\"ok\":" + v.ok() + ",\"checked\":" + v.checked() + ",\"firstBrokenSeq\":" + v.firstBrokenSeq()
                + ",\"reason\":" + (v.reason() == null ? "null" : quote(v.reason())) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
