package vn.partywork.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded mutation fuzzer: the same seed gives the same inputs on every run, so a failure found in
 * CI is reproduced by running the test again. Mutations are the classics of input handling: values
 * of the wrong type or size, boundary numbers and dates, SQL/ltree/LIKE/HTML/template meta
 * characters, Unicode edge cases, broken syntax (truncation, deleted and inserted characters, byte
 * flips) and deep nesting.
 */
final class Mutator {

    /** Values that have broken parsers before. */
    static final List<String> INTERESTING = List.of(
            "",
            " ",
            "0",
            "-1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e308",
            "-1e400",
            "NaN",
            "0x1F",
            "1.5",
            "2026-02-30",
            "9999-12-31",
            "0000-00-00",
            "31/12/2026",
            "' OR '1'='1",
            "'; DROP TABLE member.member; --",
            "\\",
            "%",
            "_",
            "*.*{1,}",
            "a:*",
            "!(",
            "1.2.3.",
            "$$",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "${7*7}",
            "#{7*7}",
            "[[${T(java.lang.Runtime).getRuntime()}]]",
            "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd",
            "%00",
            "\u0000",
            "\uFEFF",
            "\u202Eevil",
            "Nguye\u0302\u0303n",
            "𝔑𝔤𝔲𝔶ễ𝔫 😀",
            "\uD800",
            "ＮＧＵＹＥＮ１２３",
            "null",
            "true",
            "=1+1",
            "=HYPERLINK(\"http://x\",\"y\")");

    private static final Pattern JSON_VALUE =
            Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null)");

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string value: interesting, long, or a mutated seed. */
    String text(String seed) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(INTERESTING);
            case 1 -> "x".repeat(1 + random.nextInt(20_000));
            case 2 -> pick(INTERESTING) + seed + pick(INTERESTING);
            default -> chars(seed.isEmpty() ? pick(INTERESTING) : seed);
        };
    }

    /** Deletes, inserts, duplicates or replaces a few characters. */
    String chars(String s) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (!b.isEmpty()) {
                        b.deleteCharAt(at);
                    }
                }
                case 1 -> b.insert(at, (char) (random.nextInt(0x3000)));
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(8))));
                default -> b.insert(at, pick(List.of("{", "}", "[", "]", "\"", ",", ":", "'", "\\", "\n")));
            }
        }
        return b.toString();
    }

    /** A JSON document derived from the seed. */
    String json(String seed) {
        switch (random.nextInt(10)) {
            case 0:
                return chars(seed);
            case 1:
                return seed.substring(0, random.nextInt(seed.length() + 1));
            case 2:
                return "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
            case 3:
                return "[" + seed + "," + seed + "]";
            case 4:
                return "{\"a\":" + "{\"a\":".repeat(random.nextInt(2000)) + "1" + "}".repeat(2000) + "}";
            default:
                return replaceValues(seed);
        }
    }

    /** Replaces one to three values of a JSON document with values of another type, size or meaning. */
    String replaceValues(String seed) {
        Matcher m = JSON_VALUE.matcher(seed);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return "{\"" + text("field") + "\":" + value() + "}";
        }
        String result = seed;
        int n = 1 + random.nextInt(Math.min(3, spans.size()));
        for (int i = 0; i < n; i++) {
            int[] span = spans.get(spans.size() - 1 - random.nextInt(spans.size()));
            if (span[1] <= result.length()) {
                result = result.substring(0, span[0]) + value() + result.substring(span[1]);
            }
            spans.removeIf(s -> s[0] >= span[0]);
            if (spans.isEmpty()) {
                break;
            }
        }
        return result;
    }

    /** A JSON value of any type. */
    String value() {
        return switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> pick(List.of("true", "false", "0", "-1", "1e309", "9223372036854775808", "-0.0", "1.0E-400"));
            case 2 -> "[" + value() + "]";
            case 3 -> "{\"" + text("k").replace("\"", "") + "\": " + value() + "}";
            case 4 -> "\"" + "a".repeat(random.nextInt(70_000)) + "\"";
            default -> "\"" + escape(text("Hà Nội")) + "\"";
        };
    }

    /** Flips, drops or repeats bytes of a binary file (a spreadsheet, an upload). */
    byte[] bytes(byte[] seed) {
        byte[] b = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int n = 1 + random.nextInt(16);
                for (int i = 0; i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                byte[] cut = new byte[random.nextInt(b.length + 1)];
                System.arraycopy(b, 0, cut, 0, cut.length);
                return cut;
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                return noise;
            }
            default -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                int at = random.nextInt(s.length() + 1);
                return (s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 512)) + s.substring(at))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
