package vn.partywork.member.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.Catalogues;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberStatus;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;

/**
 * P-AU-2: the member record's history reads "Trạng thái: Dự bị → Chính thức", "Dân tộc: Kinh",
 * "Chi bộ: Chi bộ Tổ dân phố Hàng Bạc" instead of the codes and ids the log keeps, and the list
 * names each member.
 */
@Component
class MemberAuditValues implements AuditValueLabels {

    private static final Set<String> CELLS = Set.of("cellId", "temporaryCellId", "fromCellId", "toCellId");

    private final Catalogues catalogues;
    private final OrgDirectory orgs;
    private final JdbcClient jdbc;

    MemberAuditValues(Catalogues catalogues, OrgDirectory orgs, JdbcClient jdbc) {
        this.catalogues = catalogues;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    /** The members' names for the auditor's list (who already reads every change of them there). */
    @Override
    public Map<String, String> titles(Collection<String> targetIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        jdbc.sql("SELECT id, full_name FROM member.member WHERE id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", targetIds.stream().map(Long::valueOf).toArray(Long[]::new))
                .query((rs, n) -> titles.put(Long.toString(rs.getLong("id")), rs.getString("full_name")))
                .list();
        return titles;
    }

    @Override
    public String targetType() {
        return "member";
    }

    @Override
    public @Nullable String label(String field, Object value) {
        String text = value.toString();
        if (field.equals("status")) {
            return MemberStatus.valueOf(text).label();
        }
        if (field.startsWith("source")) {
            return DataSource.valueOf(text).label();
        }
        if (CELLS.contains(field)) {
            return orgs.current(Long.parseLong(text)).map(OrgSummary::name).orElse(null);
        }
        MemberField member = MemberField.byKey(field).orElse(null);
        if (member == null) {
            return null;
        }
        String catalogue = member.catalogue();
        if (catalogue != null) {
            return catalogues
                    .current(catalogue)
                    .entry(text)
                    .map(CatalogueEntry::name)
                    .orElse(null);
        }
        return member.display(text);
    }
}
