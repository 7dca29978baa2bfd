package vn.partywork.member.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberStatus;

/**
 * Many member records in a few statements (JDBC batches): ids drawn from the table's identity
 * sequence first, then the rows and their membership history. For seeding whole data sets; the
 * caller validates every record first.
 */
@Repository
public class MemberBatch {

    private static final int BATCH = 500;

    /** One validated record to write. */
    public record NewRow(
            long id,
            Map<MemberField, String> values,
            long cellId,
            MemberStatus status,
            @Nullable Long accountId,
            DataSource source) {}

    private final JdbcTemplate jdbc;

    MemberBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> nextIds(int count) {
        return jdbc.queryForList(
                "SELECT nextval(pg_get_serial_sequence('member.member', 'id')) FROM generate_series(1, ?)",
                Long.class,
                count);
    }

    /** Citizen ids and party card numbers among the given ones that a stored record already has. */
    public List<String> taken(List<String> citizenIds, List<String> cards) {
        return jdbc.queryForList("""
                SELECT citizen_id FROM member.member WHERE citizen_id = ANY(?)
                UNION ALL
                SELECT party_card_number FROM member.member WHERE party_card_number = ANY(?)
                """, String.class, citizenIds.toArray(String[]::new), cards.toArray(String[]::new));
    }

    public void insert(List<NewRow> rows, long createdBy, Instant now) {
        MemberField[] fields = MemberField.values();
        String columns =
                java.util.Arrays.stream(fields).map(MemberField::column).collect(Collectors.joining(", "));
        String marks = java.util.Arrays.stream(fields).map(f -> "?").collect(Collectors.joining(", "));
        String sql = "INSERT INTO member.member (id, " + columns
                + ", cell_id, cell_path, status, account_id, source_identity, source_background, source_party,"
                + " created_at, created_by, updated_at) VALUES (?, " + marks
                + ", ?, member.current_cell_path(?), ?, ?, ?, ?, ?, ?, ?, ?)";
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate(sql, rows, BATCH, (ps, row) -> {
            int i = 1;
            ps.setLong(i++, row.id());
            for (MemberField f : fields) {
                String v = row.values().get(f);
                if (f.kind() == MemberField.Kind.DATE) {
                    ps.setObject(i++, v == null ? null : LocalDate.parse(v), Types.DATE);
                } else {
                    ps.setObject(i++, v, Types.VARCHAR);
                }
            }
            ps.setLong(i++, row.cellId());
            ps.setLong(i++, row.cellId()); // its path: the statement trigger need not correct the row
            ps.setString(i++, row.status().name());
            ps.setObject(i++, row.accountId(), Types.BIGINT);
            ps.setString(i++, row.source().name());
            ps.setString(i++, row.source().name());
            ps.setString(i++, row.source().name());
            ps.setTimestamp(i++, at);
            ps.setLong(i++, createdBy);
            ps.setTimestamp(i, at);
        });
        // The history as the records stand: probationary from admission, official from the official date.
        record Period(
                long member,
                long cell,
                String status,
                LocalDate from,
                @Nullable LocalDate to,
                String basis) {}
        List<Period> history = new ArrayList<>();
        for (NewRow row : rows) {
            LocalDate admission = LocalDate.parse(row.values().get(MemberField.ADMISSION_DATE));
            String official = row.values().get(MemberField.OFFICIAL_DATE);
            LocalDate confirmed = official == null ? null : LocalDate.parse(official);
            history.add(new Period(row.id(), row.cellId(), "PROBATIONARY", admission, confirmed, "Kết nạp"));
            if (confirmed != null) {
                history.add(new Period(
                        row.id(), row.cellId(), "OFFICIAL", confirmed, null, "Công nhận đảng viên chính thức"));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO member.membership (member_id, cell_id, status, valid_from, valid_to, basis)
                VALUES (?, ?, ?, ?, coalesce(?, 'infinity'::date), ?)
                """, history, BATCH, (ps, h) -> {
            ps.setLong(1, h.member());
            ps.setLong(2, h.cell());
            ps.setString(3, h.status());
            ps.setObject(4, h.from(), Types.DATE);
            ps.setObject(5, h.to(), Types.DATE);
            ps.setString(6, h.basis());
        });
    }
}
