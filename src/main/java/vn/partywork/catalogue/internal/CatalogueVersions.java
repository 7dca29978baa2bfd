package vn.partywork.catalogue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.CatalogueSummary;
import vn.partywork.catalogue.CatalogueVersion;
import vn.partywork.shared.Decision;

/** Catalogue versions and their entries (schema {@code catalogue}). */
@Repository
public class CatalogueVersions {

    // The version in force on :day: the latest that began on or before it.
    private static final String IN_FORCE = """
            SELECT DISTINCT ON (c.id) c.id AS catalogue_id, c.code AS catalogue_code, c.name AS catalogue_name,
                   c.description, c.sort_order AS catalogue_order, v.id AS version_id, v.version_number, v.valid_from,
                   v.decision_number, v.decision_date, v.decision_issuer, v.note
              FROM catalogue.catalogue c
              JOIN catalogue.catalogue_version v ON v.catalogue_id = c.id AND v.valid_from <= :day
            """;

    private final JdbcClient jdbc;

    CatalogueVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CatalogueSummary> summaries(LocalDate day) {
        return jdbc.sql("""
                SELECT f.*, (SELECT count(*) FROM catalogue.entry e WHERE e.version_id = f.version_id) AS entry_count
                  FROM (%s ORDER BY c.id, v.valid_from DESC) f
                 ORDER BY f.catalogue_order
                """.formatted(IN_FORCE))
                .param("day", day)
                .query((rs, n) -> new CatalogueSummary(
                        rs.getString("catalogue_code"),
                        rs.getString("catalogue_name"),
                        rs.getString("description"),
                        rs.getInt("version_number"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getInt("entry_count")))
                .list();
    }

    public Optional<CatalogueVersion> onDate(String catalogueCode, LocalDate day) {
        record Head(
                long versionId,
                String code,
                String name,
                String description,
                int number,
                LocalDate validFrom,
                Decision decision,
                String note) {}
        Optional<Head> head = jdbc.sql(IN_FORCE + " WHERE c.code = :code ORDER BY c.id, v.valid_from DESC")
                .param("day", day)
                .param("code", catalogueCode)
                .query((rs, n) -> {
                    String number = rs.getString("decision_number");
                    Decision decision = number == null
                            ? null
                            : new Decision(
                                    number,
                                    rs.getObject("decision_date", LocalDate.class),
                                    rs.getString("decision_issuer"));
                    return new Head(
                            rs.getLong("version_id"),
                            rs.getString("catalogue_code"),
                            rs.getString("catalogue_name"),
                            rs.getString("description"),
                            rs.getInt("version_number"),
                            rs.getObject("valid_from", LocalDate.class),
                            decision,
                            rs.getString("note"));
                })
                .optional();
        return head.map(h -> new CatalogueVersion(
                h.code(),
                h.name(),
                h.description(),
                h.number(),
                h.validFrom(),
                h.decision(),
                h.note(),
                entries(h.versionId())));
    }

    private List<CatalogueEntry> entries(long versionId) {
        return jdbc.sql("""
                SELECT code, name, sort_order
                  FROM catalogue.entry
                 WHERE version_id = :version
                 ORDER BY sort_order, code
                """)
                .param("version", versionId)
                .query((rs, n) ->
                        new CatalogueEntry(rs.getString("code"), rs.getString("name"), rs.getInt("sort_order")))
                .list();
    }
}
