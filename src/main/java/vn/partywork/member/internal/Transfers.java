package vn.partywork.member.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.member.MemberTransfer;
import vn.partywork.shared.Decision;

/** The transfers of party activity (M-4). */
@Repository
public class Transfers {

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long issue(long memberId, long fromCell, long toCell, Decision decision, LocalDate issuedOn, long by) {
        return jdbc.sql("""
                INSERT INTO member.transfer (member_id, kind, from_cell_id, to_cell_id, status, decision_number,
                                             decision_date, decision_issuer, issued_on, issued_by)
                VALUES (:member, 'OFFICIAL', :from, :to, 'ISSUED', :number, :date, :issuer, :issuedOn, :by)
                RETURNING id
                """)
                .param("member", memberId)
                .param("from", fromCell)
                .param("to", toCell)
                .param("number", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("issuedOn", issuedOn)
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

    public Optional<MemberTransfer> byId(long id) {
        return jdbc.sql("SELECT * FROM member.transfer WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new MemberTransfer(
                        rs.getLong("id"),
                        rs.getLong("member_id"),
                        rs.getString("kind"),
                        rs.getLong("from_cell_id"),
                        rs.getLong("to_cell_id"),
                        rs.getString("status"),
                        rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_issuer"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("accepted_on", LocalDate.class),
                        rs.getInt("version")))
                .optional();
    }

    /** The current path of the cell an open transfer of this member goes to, if any. */
    public Optional<String> openDestinationPath(long memberId) {
        return jdbc.sql("""
                SELECT c.path::text FROM member.transfer t
                  JOIN org.current_organisation c ON c.org_id = t.to_cell_id
                 WHERE t.member_id = :member AND t.status = 'ISSUED'
                """).param("member", memberId).query(String.class).optional();
    }
}
