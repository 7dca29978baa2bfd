package vn.partywork.org.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgSummary;

/**
 * P-AU-2: the audit log names organisations and their changes as people do: "Loại hình: Chi bộ",
 * "Tổ chức cấp trên: Đảng ủy phường Hoàn Kiếm", a tree path as the names from the top, instead of
 * the kind's code, ids and the ltree path it stores.
 */
@Component
class OrgAuditValues implements AuditValueLabels {

    private final OrgDirectory directory;

    OrgAuditValues(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String targetType() {
        return "organisation";
    }

    @Override
    public @Nullable String label(String field, Object value) {
        String text = value.toString();
        return switch (field) {
            case "kind" -> OrgKind.valueOf(text).label();
            case "parentId" ->
                directory.current(Long.parseLong(text)).map(OrgSummary::name).orElse(null);
            case "path" -> {
                List<Long> ids =
                        Arrays.stream(text.split("\\.")).map(Long::parseLong).toList();
                Map<Long, String> names =
                        directory.current(ids).stream().collect(Collectors.toMap(OrgSummary::id, OrgSummary::name));
                yield ids.stream().map(id -> names.getOrDefault(id, "số " + id)).collect(Collectors.joining(" › "));
            }
            default -> null;
        };
    }

    @Override
    public Map<String, String> titles(Collection<String> targetIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        directory
                .current(targetIds.stream().map(Long::parseLong).toList())
                .forEach(org -> titles.put(String.valueOf(org.id()), org.name()));
        return titles;
    }
}
