package vn.partywork.member.internal.xlsx;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The import tables ({@code member.import_job}, {@code member.import_error}), the duplicate look-ups
 * of a whole file at once, and the bulk write of the valid rows ({@code COPY} into
 * {@code member.member} and {@code member.membership} in the caller's transaction).
 */
@Repository
class ImportJobs {

    private static final int LOOKUP_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportJobs(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // --- jobs

    long create(long accountId, String fileName, long size, ImportMode mode, String source, Instant now) {
        return jdbc.sql("""
                INSERT INTO member.import_job (account_id, file_name, file_size, mode, source, status, created_at)
                VALUES (:account, :name, :size, :mode, :source, 'QUEUED', :now) RETURNING id
                """)
                .param("account", accountId)
                .param("name", fileName)
                .param("size", size)
                .param("mode", mode.name())
                .param("source", source)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void progress(long id, String status, int read, int invalid, int imported) {
        jdbc.sql("""
                UPDATE member.import_job SET status = :status, rows_read = :read, rows_invalid = :invalid,
                       rows_imported = :imported WHERE id = :id
                """)
                .param("status", status)
                .param("read", read)
                .param("invalid", invalid)
                .param("imported", imported)
                .param("id", id)
                .update();
    }

    void finish(
            long id,
            String status,
            int read,
            int invalid,
            int imported,
            @Nullable String code,
            @Nullable String message,
            Instant now) {
        jdbc.sql("""
                UPDATE member.import_job SET status = :status, rows_read = :read, rows_invalid = :invalid,
                       rows_imported = :imported, error_code = :code, error_message = :message, finished_at = :now
                 WHERE id = :id
                """)
                .param("status", status)
                .param("read", read)
                .param("invalid", invalid)
                .param("imported", imported)
                .param("code", code, java.sql.Types.VARCHAR)
                .param("message", message, java.sql.Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    Optional<ImportJob> byId(long id) {
        return jdbc.sql("SELECT * FROM member.import_job WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new ImportJob(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getString("file_name"),
                        rs.getLong("file_size"),
                        ImportMode.valueOf(rs.getString("mode")),
                        rs.getString("source"),
                        ImportJob.Status.valueOf(rs.getString("status")),
                        rs.getInt("rows_read"),
                        rs.getInt("rows_invalid"),
                        rs.getInt("rows_imported"),
                        rs.getString("error_code"),
                        rs.getString("error_message"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    void addErrors(long jobId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int n = errors.size();
        Integer[] rows = new Integer[n];
        String[] columns = new String[n];
        String[] values = new String[n];
        String[] codes = new String[n];
        String[] messages = new String[n];
        for (int i = 0; i < n; i++) {
            RowError e = errors.get(i);
            rows[i] = e.row();
            columns[i] = e.column();
            values[i] = e.value() == null || e.value().length() <= 500
                    ? e.value()
                    : e.value().substring(0, 500) + "…";
            codes[i] = e.code();
            messages[i] = e.message();
        }
        jdbc.sql("""
                INSERT INTO member.import_error (job_id, row_number, column_name, value, code, message)
                SELECT :job, e.row_number, e.column_name, e.value, e.code, e.message
                  FROM unnest(CAST(:rows AS integer[]), CAST(:columns AS text[]), CAST(:values AS text[]),
                              CAST(:codes AS text[]), CAST(:messages AS text[]))
                       AS e(row_number, column_name, value, code, message)
                """)
                .param("job", jobId)
                .param("rows", rows)
                .param("columns", columns)
                .param("values", values)
                .param("codes", codes)
                .param("messages", messages)
                .update();
    }

    List<RowError> errors(long jobId, int limit) {
        return jdbc.sql("""
                SELECT row_number, column_name, value, code, message FROM member.import_error
                 WHERE job_id = :job ORDER BY row_number, column_name NULLS FIRST LIMIT :limit
                """)
                .param("job", jobId)
                .param("limit", limit)
                .query((rs, n) -> new RowError(
                        rs.getInt("row_number"),
                        rs.getString("column_name"),
                        rs.getString("value"),
                        rs.getString("code"),
                        rs.getString("message")))
                .list();
    }

    // --- duplicates against the database

    /** The CCCDs among these that a record already has (they are unique in the whole database). */
    Set<String> takenCitizenIds(Collection<String> ids) {
        return taken("citizen_id", ids);
    }

    Set<String> takenPartyCards(Collection<String> cards) {
        return taken("party_card_number", cards);
    }

    private Set<String> taken(String column, Collection<String> values) {
        Set<String> taken = new HashSet<>();
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            String[] chunk =
                    all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)).toArray(String[]::new);
            taken.addAll(jdbc.sql("SELECT " + column + " FROM member.member WHERE " + column
                            + " = ANY(CAST(:values AS text[]))")
                    .param("values", chunk)
                    .query(String.class)
                    .list());
        }
        return taken;
    }

    /** A name (lower case) and birth date to look for. */
    record Person(String name, LocalDate birth) {}

    /**
     * The persons among these with a record of the same name (ignoring case) and birth date in the
     * given subtrees (the uploader's readable scope).
     */
    Set<Person> sameNameAndBirth(List<Person> persons, List<String> paths) {
        Set<Person> found = new HashSet<>();
        if (paths.isEmpty()) {
            return found;
        }
        String scope = paths.stream().collect(Collectors.joining(",", "{", "}"));
        for (int from = 0; from < persons.size(); from += LOOKUP_CHUNK) {
            List<Person> chunk = persons.subList(from, Math.min(persons.size(), from + LOOKUP_CHUNK));
            String[] names = chunk.stream().map(Person::name).toArray(String[]::new);
            String[] births = chunk.stream().map(p -> p.birth().toString()).toArray(String[]::new);
            // The probes first, on member_birth_date_name, whatever the (generic) plan guesses about
            // the arrays; the scope's cells only for the few matches.
            jdbc.sql("""
                    WITH same AS MATERIALIZED (
                        SELECT k.name, k.birth, m.cell_id
                          FROM unnest(CAST(:names AS text[]), CAST(:births AS date[])) AS k(name, birth)
                          JOIN member.member m ON m.birth_date = k.birth AND lower(m.full_name) = lower(k.name))
                    SELECT DISTINCT s.name, s.birth
                      FROM same s
                      JOIN org.current_organisation c ON c.org_id = s.cell_id
                     WHERE c.path <@ ANY(CAST(:paths AS ltree[]))
                    """)
                    .param("names", names)
                    .param("births", births)
                    .param("paths", scope)
                    .query((rs, n) -> new Person(rs.getString("name"), rs.getObject("birth", LocalDate.class)))
                    .list()
                    .forEach(found::add);
        }
        return found;
    }

    // --- bulk write (caller's transaction)

    /** {@code n} new member ids from the table's own identity sequence. */
    long[] allocateIds(int n) {
        return jdbc
                .sql("SELECT nextval(pg_get_serial_sequence('member.member', 'id')) FROM generate_series(1, :n)")
                .param("n", n)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    /** Member rows in COPY's text format: the columns given, in their order. */
    void copyMembers(String columns, CharSequence rows) {
        copy("COPY member.member (" + columns + ") FROM STDIN", rows);
    }

    /** Membership rows: member_id, cell_id, status, valid_from, valid_to, basis. */
    void copyMemberships(CharSequence rows) {
        copy("COPY member.membership (member_id, cell_id, status, valid_from, valid_to, basis) FROM STDIN", rows);
    }

    /** {@code COPY … FROM STDIN} of rows already in PostgreSQL's text format, on the transaction's connection. */
    private void copy(String sql, CharSequence rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new org.springframework.dao.DataIntegrityViolationException(sql + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in COPY's text format. */
    static String text(@Nullable Object value) {
        if (value == null) {
            return "\\N";
        }
        String s = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
