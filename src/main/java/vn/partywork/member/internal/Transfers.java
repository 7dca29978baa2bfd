package vn.partywork.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.member.MemberTransfer;
import vn.partywork.shared.Decision;

/**
 * The transfers of party activity (M-4): official and temporary, within a province and between
 * provinces. "Open" is in transit ({@code ISSUED}) or a temporary activity not yet returned from;
 * a member has at most one open transfer (unique index).
 */
@Repository
public class Transfers {

    static final String OPEN = "(t.status = 'ISSUED' OR t.kind = 'TEMPORARY' AND t.status = 'ACCEPTED')";

    private static final String SELECT = """
            SELECT t.*, m.full_name AS member_name, f.name AS from_name, d.name AS to_name,
                   subpath(f.path, 0, 2) IS DISTINCT FROM subpath(d.path, 0, 2) AS between_provinces
              FROM member.transfer t
              JOIN member.member m ON m.id = t.member_id
              LEFT JOIN org.current_organisation f ON f.org_id = t.from_cell_id
              LEFT JOIN org.current_organisation d ON d.org_id = t.to_cell_id
            """;

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long issue(
            long memberId,
            String kind,
            long fromCell,
            long toCell,
            Decision decision,
            LocalDate issuedOn,
            @Nullable LocalDate until,
            long by) {
        return jdbc.sql("""
                INSERT INTO member.transfer (member_id, kind, from_cell_id, to_cell_id, status, decision_number,
                                             decision_date, decision_issuer, issued_on, until, issued_by)
                VALUES (:member, :kind, :from, :to, 'ISSUED', :number, :date, :issuer, :issuedOn, :until, :by)
                RETURNING id
                """)
                .param("member", memberId)
                .param("kind", kind)
                .param("from", fromCell)
                .param("to", toCell)
                .param("number", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("issuedOn", issuedOn)
                .param("until", until, java.sql.Types.DATE)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Marks the transfer accepted if it is still ISSUED at this version; false when somebody was first. */
    public boolean accept(long id, int version, LocalDate acceptedOn, long by) {
        return jdbc.sql("""
                        UPDATE member.transfer SET status = 'ACCEPTED', accepted_on = :on, accepted_by = :by,
                                                   version = version + 1
                         WHERE id = :id AND version = :version AND status = 'ISSUED'
                        """)
                        .param("on", acceptedOn)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Ends an accepted temporary transfer; false when it is not (or no longer) one at this version. */
    public boolean returned(long id, int version, LocalDate returnedOn, long by) {
        return jdbc.sql("""
                        UPDATE member.transfer SET status = 'RETURNED', returned_on = :on, returned_by = :by,
                                                   version = version + 1
                         WHERE id = :id AND version = :version AND kind = 'TEMPORARY' AND status = 'ACCEPTED'
                        """)
                        .param("on", returnedOn)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** The sending side takes back a transfer still in transit; false when it is no longer ISSUED at this version. */
    public boolean cancel(long id, int version, LocalDate day) {
        return jdbc.sql("""
                        UPDATE member.transfer SET status = 'CANCELLED', cancelled_on = :day, version = version + 1
                         WHERE id = :id AND version = :version AND status = 'ISSUED'
                        """)
                        .param("day", day)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** The membership ended: a transfer in transit is cancelled, a temporary activity ends that day. */
    public void closeOpen(long memberId, LocalDate day, long by) {
        jdbc.sql("""
                UPDATE member.transfer SET status = 'CANCELLED', cancelled_on = :day, version = version + 1
                 WHERE member_id = :member AND status = 'ISSUED'
                """).param("day", day).param("member", memberId).update();
        jdbc.sql("""
                UPDATE member.transfer SET status = 'RETURNED', returned_on = greatest(:day, accepted_on),
                                           returned_by = :by, version = version + 1
                 WHERE member_id = :member AND kind = 'TEMPORARY' AND status = 'ACCEPTED'
                """)
                .param("day", day)
                .param("by", by)
                .param("member", memberId)
                .update();
    }

    public Optional<MemberTransfer> byId(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id")
                .param("id", id)
                .query(Transfers::row)
                .optional();
    }

    public Optional<MemberTransfer> open(long memberId) {
        return jdbc.sql(SELECT + " WHERE t.member_id = :member AND " + OPEN)
                .param("member", memberId)
                .query(Transfers::row)
                .optional();
    }

    public List<MemberTransfer> ofMember(long memberId) {
        return jdbc.sql(SELECT + " WHERE t.member_id = :member ORDER BY t.issued_on DESC, t.id DESC")
                .param("member", memberId)
                .query(Transfers::row)
                .list();
    }

    /** Open transfers going to cells of the subtrees (incoming) or leaving them (outgoing), oldest first. */
    public List<MemberTransfer> openWithin(List<String> paths, boolean incoming, int limit) {
        if (paths.isEmpty()) {
            return List.of();
        }
        String side = incoming ? "d" : "f";
        return jdbc.sql(SELECT + " WHERE " + OPEN + " AND " + side + ".path <@ CAST(:paths AS ltree[])"
                        + " ORDER BY t.issued_on, t.id LIMIT :limit")
                .param("paths", paths.stream().collect(Collectors.joining(",", "{", "}")))
                .param("limit", limit)
                .query(Transfers::row)
                .list();
    }

    /** The current path of the cell an open transfer of this member goes to, if any. */
    public Optional<String> openDestinationPath(long memberId) {
        return jdbc.sql("SELECT c.path::text FROM member.transfer t JOIN org.current_organisation c"
                        + " ON c.org_id = t.to_cell_id WHERE t.member_id = :member AND " + OPEN)
                .param("member", memberId)
                .query(String.class)
                .optional();
    }

    private static MemberTransfer row(ResultSet rs, int n) throws SQLException {
        return new MemberTransfer(
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getString("member_name"),
                rs.getString("kind"),
                rs.getLong("from_cell_id"),
                rs.getString("from_name"),
                rs.getLong("to_cell_id"),
                rs.getString("to_name"),
                rs.getString("status"),
                rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class),
                rs.getString("decision_issuer"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("until", LocalDate.class),
                rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class),
                rs.getBoolean("between_provinces"),
                rs.getInt("version"));
    }
}
