package vn.partywork.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.member.LifeEventKind;
import vn.partywork.member.MemberLifeEvent;
import vn.partywork.member.MemberStatus;
import vn.partywork.shared.Decision;

/** The life events of members (M-4) other than transfers. */
@Repository
public class LifeEvents {

    private final JdbcClient jdbc;

    LifeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long memberId,
            LifeEventKind kind,
            LocalDate effectiveOn,
            @Nullable LocalDate endsOn,
            @Nullable Integer badgeYears,
            Decision decision,
            @Nullable String note,
            MemberStatus oldStatus,
            MemberStatus newStatus,
            @Nullable Long documentId,
            Instant now,
            long by) {
        return jdbc.sql("""
                INSERT INTO member.life_event (member_id, kind, effective_on, ends_on, badge_years, decision_number,
                                               decision_date, decision_issuer, note, old_status, new_status,
                                               document_id, recorded_at, recorded_by)
                VALUES (:member, :kind, :effective, :ends, :badge, :number, :date, :issuer, :note, :old, :new,
                        :document, :now, :by)
                RETURNING id
                """)
                .param("member", memberId)
                .param("kind", kind.name())
                .param("effective", effectiveOn)
                .param("ends", endsOn, java.sql.Types.DATE)
                .param("badge", badgeYears, java.sql.Types.INTEGER)
                .param("number", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("note", note, java.sql.Types.VARCHAR)
                .param("old", oldStatus.name())
                .param("new", newStatus.name())
                .param("document", documentId, java.sql.Types.BIGINT)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public List<MemberLifeEvent> ofMember(long memberId) {
        return jdbc.sql("SELECT * FROM member.life_event WHERE member_id = :member ORDER BY effective_on DESC, id DESC")
                .param("member", memberId)
                .query(LifeEvents::row)
                .list();
    }

    public Optional<MemberLifeEvent> byId(long id) {
        return jdbc.sql("SELECT * FROM member.life_event WHERE id = :id")
                .param("id", id)
                .query(LifeEvents::row)
                .optional();
    }

    /** Whether an exemption of the member overlaps [from, to) (to null: open-ended). */
    public boolean exemptionOverlaps(long memberId, LocalDate from, @Nullable LocalDate to) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM member.life_event
                                WHERE member_id = :member AND kind = 'EXEMPTION'
                                  AND daterange(effective_on, coalesce(ends_on, 'infinity'))
                                      && daterange(:from, coalesce(CAST(:to AS date), 'infinity')))
                """)
                .param("member", memberId)
                .param("from", from)
                .param("to", to, java.sql.Types.DATE)
                .query(Boolean.class)
                .single();
    }

    /** The exemption in force on the day, if any. */
    public Optional<MemberLifeEvent> exemptionOn(long memberId, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM member.life_event
                 WHERE member_id = :member AND kind = 'EXEMPTION'
                   AND effective_on <= :day AND coalesce(ends_on, 'infinity') > :day
                """)
                .param("member", memberId)
                .param("day", day)
                .query(LifeEvents::row)
                .optional();
    }

    /** The membership ended on the day: an exemption still running then ends with it. */
    public void endExemptions(long memberId, LocalDate day) {
        jdbc.sql("""
                UPDATE member.life_event SET ends_on = :day
                 WHERE member_id = :member AND kind = 'EXEMPTION' AND effective_on < :day
                   AND coalesce(ends_on, 'infinity') > :day
                """).param("day", day).param("member", memberId).update();
    }

    /** The highest badge milestone awarded to the member, if any. */
    public Optional<Integer> highestBadge(long memberId) {
        return jdbc.sql("SELECT max(badge_years) FROM member.life_event WHERE member_id = :member AND kind = 'BADGE'")
                .param("member", memberId)
                .query(Integer.class)
                .optional();
    }

    private static MemberLifeEvent row(ResultSet rs, int n) throws SQLException {
        int badge = rs.getInt("badge_years");
        Integer badgeYears = rs.wasNull() ? null : badge;
        long document = rs.getLong("document_id");
        Long documentId = rs.wasNull() ? null : document;
        return new MemberLifeEvent(
                rs.getLong("id"),
                rs.getLong("member_id"),
                LifeEventKind.valueOf(rs.getString("kind")),
                rs.getObject("effective_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                badgeYears,
                rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class),
                rs.getString("decision_issuer"),
                rs.getString("note"),
                MemberStatus.valueOf(rs.getString("old_status")),
                MemberStatus.valueOf(rs.getString("new_status")),
                documentId,
                rs.getTimestamp("recorded_at").toInstant());
    }
}
