package vn.partywork.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.calendar.CalendarOverride;
import vn.partywork.calendar.OverrideKind;
import vn.partywork.shared.Decision;

/** The stored overrides (schema {@code calendar}), one per date. */
@Repository
public class OverrideDays {

    private static final String SELECT = """
            SELECT o.day, o.kind, o.name, d.decision_number, d.decision_date, d.decision_issuer,
                   d.recorded_by, d.recorded_at
              FROM calendar.override_day o
              JOIN calendar.override_decision d ON d.id = o.decision_id
            """;

    private final JdbcClient jdbc;

    OverrideDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises override changes: they are rare, and checking "no override on this date yet" and
     * the insert must not interleave with another declaration.
     */
    public void lock() {
        jdbc.sql("LOCK TABLE calendar.override_day IN SHARE ROW EXCLUSIVE MODE").update();
    }

    public List<CalendarOverride> between(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE o.day BETWEEN :from AND :to ORDER BY o.day")
                .param("from", from)
                .param("to", to)
                .query(OverrideDays::map)
                .list();
    }

    public Optional<CalendarOverride> on(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE o.day = :day")
                .param("day", day)
                .query(OverrideDays::map)
                .optional();
    }

    public long saveDecision(Decision decision, String recordedBy) {
        return jdbc.sql("""
                INSERT INTO calendar.override_decision (decision_number, decision_date, decision_issuer, recorded_by)
                VALUES (:number, :date, :issuer, :by)
                RETURNING id
                """)
                .param("number", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("by", recordedBy)
                .query(Long.class)
                .single();
    }

    public void save(long decisionId, LocalDate day, OverrideKind kind, String name) {
        jdbc.sql("""
                INSERT INTO calendar.override_day (day, kind, name, decision_id)
                VALUES (:day, :kind, :name, :decision)
                """)
                .param("day", day)
                .param("kind", kind.name())
                .param("name", name)
                .param("decision", decisionId)
                .update();
    }

    public boolean delete(LocalDate day) {
        return jdbc.sql("DELETE FROM calendar.override_day WHERE day = :day")
                        .param("day", day)
                        .update()
                == 1;
    }

    private static CalendarOverride map(ResultSet rs, int row) throws SQLException {
        return new CalendarOverride(
                rs.getObject("day", LocalDate.class),
                OverrideKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                new Decision(
                        rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_issuer")),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
