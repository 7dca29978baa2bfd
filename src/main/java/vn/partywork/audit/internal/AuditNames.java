package vn.partywork.audit.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.partywork.audit.AuditRecord;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.shared.Classification;

/**
 * P-AU-2: the log as a person reads it. The log keeps what the modules stored (action and target
 * codes, field keys, catalogue codes, ids, ISO dates, the client's address as the server saw it);
 * the viewer and the CSV export show Vietnamese labels ({@code audit.action.*},
 * {@code audit.target.*}, {@code audit.field.*}, {@code audit.detail.*} in the modules' message
 * bundles), the owning module's names for its values and records ({@link AuditValueLabels}), dates
 * as dd/mm/yyyy and the address in its usual short form. What nobody names is shown as stored.
 */
@Component
public class AuditNames {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6ISH = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final String LOCAL = "máy chủ (nội bộ)";

    private final MessageSource messages;
    private final Map<String, AuditValueLabels> labels;

    AuditNames(MessageSource messages, List<AuditValueLabels> labels) {
        this.messages = messages;
        this.labels = labels.stream().collect(Collectors.toMap(AuditValueLabels::targetType, l -> l));
    }

    /** One labelled line of a list ("Trạng thái: Chính thức"). */
    public record Line(String label, String text) {}

    public String action(String code) {
        return message("audit.action." + code, code);
    }

    /** "Đảng viên", "Tổ chức đảng"; an unnamed type as stored. */
    public String target(String type) {
        return message("audit.target." + type, type);
    }

    public String field(String key) {
        String label = messages.getMessage("audit.field." + key, null, null, VIETNAMESE);
        return label != null ? label : message("audit.detail." + key, key);
    }

    public String classification(String code) {
        try {
            return Classification.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** A stored value of a record's field, named by the record's module, else formatted generically. */
    public String value(String targetType, String field, @Nullable Object value) {
        if (value == null) {
            return "(trống)";
        }
        AuditValueLabels names = labels.get(targetType);
        if (names != null) {
            try {
                String label = names.label(field, value);
                if (label != null) {
                    return label;
                }
            } catch (RuntimeException e) {
                // an unknown code or a malformed value: show what is stored
            }
        }
        return plain(value);
    }

    /** Names of the records the events are about, per target type, from their modules. */
    public Map<String, Map<String, String>> titles(Collection<AuditRecord> records) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (AuditRecord r : records) {
            if (r.targetId() != null && labels.containsKey(r.targetType())) {
                ids.computeIfAbsent(r.targetType(), t -> new LinkedHashSet<>()).add(r.targetId());
            }
        }
        Map<String, Map<String, String>> titles = new HashMap<>();
        ids.forEach((type, some) -> {
            try {
                titles.put(type, labels.get(type).titles(some));
            } catch (RuntimeException e) {
                titles.put(type, Map.of()); // the record is gone or its module cannot name it: the id stays
            }
        });
        return titles;
    }

    /** What changed, "Trạng thái: Dự bị → Chính thức". */
    public List<Line> changes(AuditRecord r) {
        List<Line> lines = new ArrayList<>();
        r.changes()
                .forEach((key, change) -> lines.add(new Line(
                        field(key),
                        change.oldValue() == null
                                ? value(r.targetType(), key, change.newValue())
                                : value(r.targetType(), key, change.oldValue()) + " → "
                                        + value(r.targetType(), key, change.newValue()))));
        return lines;
    }

    /** The event's details as labelled lines; nested criteria as "Họ và tên = …; Trạng thái = …". */
    public List<Line> details(AuditRecord r) {
        List<Line> lines = new ArrayList<>();
        r.details().forEach((key, value) -> lines.add(new Line(field(key), detail(r.targetType(), key, value))));
        return lines;
    }

    private String detail(String targetType, String key, @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "(không có)";
            }
            return map.entrySet().stream()
                    .map(e -> field(String.valueOf(e.getKey())) + " = "
                            + detail(targetType, String.valueOf(e.getKey()), e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> detail(targetType, key, v)).collect(Collectors.joining(", "));
        }
        if ("action".equals(key) && value != null) {
            return action(value.toString());
        }
        return value(targetType, key, value);
    }

    /**
     * The client's address as people write it: IPv4 as is, an IPv4-mapped IPv6 address as IPv4,
     * IPv6 in its short form, the server itself as "máy chủ (nội bộ)".
     */
    public String address(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        if (IPV4.matcher(stored).matches()) {
            return stored.startsWith("127.") ? LOCAL : stored;
        }
        if (!stored.contains(":") || !IPV6ISH.matcher(stored).matches()) {
            return stored;
        }
        try {
            // A literal with ':' is parsed as an IPv6 address, never looked up by name.
            InetAddress address = InetAddress.getByName(stored);
            if (address.isLoopbackAddress()) {
                return LOCAL;
            }
            String text = address.getHostAddress();
            return text.contains(":") ? shortIpv6(text) : text.startsWith("127.") ? LOCAL : text;
        } catch (UnknownHostException e) {
            return stored;
        }
    }

    private static String shortIpv6(String full) {
        // Drop leading zeros of each group, then the longest run of zero groups (RFC 5952).
        String[] groups = full.split("%")[0].split(":");
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    private static String plain(Object value) {
        if (value instanceof Boolean b) {
            return b ? "Có" : "Không";
        }
        String text = value.toString();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text).format(DATE);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        if (ISO_TIME.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(VIETNAM).format(TIME);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, VIETNAMESE);
    }
}
