package vn.partywork.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.member.DataSource;
import vn.partywork.member.FieldGroup;
import vn.partywork.member.Gender;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.MemberSummary;
import vn.partywork.member.MembershipPeriod;

/**
 * The member tables. Cells are joined through the org module's published view
 * {@code org.current_organisation} (current name and path); column names come from
 * {@link MemberField}, never from input.
 */
@Repository
public class Members {

    private static final String FIELD_COLUMNS = java.util.Arrays.stream(MemberField.values())
            .map(f -> "m." + f.column())
            .collect(Collectors.joining(", "));

    /**
     * How close a name must be to count as a typo of the query (pg_trgm word similarity), tried in
     * this order: a one-letter typo in a three-word name is about 0.8 from it, so the near names at
     * 0.7 come first and cheaply (the index passes few candidates); 0.5, which also forgives one
     * transposition in a short name ("ngyuen van an" is 0.53 from "nguyen van an"), only when 0.7
     * finds fewer than {@link #TYPO_BELOW}.
     */
    static final double[] WORD_SIMILARITY = {0.7, 0.5};

    private static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    /** For the export: rows fetched a batch at a time instead of the whole result in memory. */
    private final NamedParameterJdbcTemplate streaming;

    Members(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** A stored record with its cell as it stands now ({@code cellPath} null when the cell no longer exists). */
    public record Row(
            long id,
            Map<MemberField, String> values,
            long cellId,
            @Nullable String cellName,
            @Nullable String cellPath,
            MemberStatus status,
            @Nullable Long accountId,
            @Nullable Long admissionRequestId,
            Map<FieldGroup, DataSource> sources,
            Instant createdAt,
            Instant updatedAt,
            int version) {}

    public long insert(
            Map<MemberField, String> values,
            long cellId,
            MemberStatus status,
            @Nullable Long accountId,
            Map<FieldGroup, DataSource> sources,
            long createdBy,
            Instant now) {
        List<String> columns = new ArrayList<>();
        List<String> params = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        for (MemberField f : MemberField.values()) {
            columns.add(f.column());
            params.add(":" + f.key());
            bound.put(f.key(), sqlValue(f, values.get(f)));
        }
        String sql = "INSERT INTO member.member (" + String.join(", ", columns)
                + ", cell_id, cell_path, status, account_id, source_identity, source_background, source_party,"
                + " created_at, created_by, updated_at) VALUES (" + String.join(", ", params)
                + ", :cellId, member.current_cell_path(:cellId), :status, :accountId, :srcIdentity, :srcBackground,"
                + " :srcParty, :now, :createdBy, :now)"
                + " RETURNING id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> e : bound.entrySet()) {
            statement = bind(statement, e.getKey(), e.getValue());
        }
        return statement
                .param("cellId", cellId)
                .param("status", status.name())
                .param("accountId", accountId, java.sql.Types.BIGINT)
                .param("srcIdentity", sources.get(FieldGroup.IDENTITY).name())
                .param("srcBackground", sources.get(FieldGroup.BACKGROUND).name())
                .param("srcParty", sources.get(FieldGroup.PARTY).name())
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .query(Long.class)
                .single();
    }

    /**
     * Writes the changed fields, cell, status and sources if the version is still {@code version};
     * false when somebody else changed the record first.
     */
    public boolean update(
            long id,
            int version,
            Map<MemberField, @Nullable String> changed,
            long cellId,
            MemberStatus status,
            Map<FieldGroup, DataSource> sources,
            Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE member.member SET ");
        Map<String, @Nullable Object> bound = new LinkedHashMap<>();
        for (Map.Entry<MemberField, @Nullable String> e : changed.entrySet()) {
            sql.append(e.getKey().column())
                    .append(" = :")
                    .append(e.getKey().key())
                    .append(", ");
            bound.put(e.getKey().key(), sqlValue(e.getKey(), e.getValue()));
        }
        sql.append("cell_id = :cellId, status = :status, source_identity = :srcIdentity,"
                + " source_background = :srcBackground, source_party = :srcParty, updated_at = :now,"
                + " version = version + 1 WHERE id = :id AND version = :version");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, @Nullable Object> e : bound.entrySet()) {
            statement = bind(statement, e.getKey(), e.getValue());
        }
        return statement
                        .param("cellId", cellId)
                        .param("status", status.name())
                        .param("srcIdentity", sources.get(FieldGroup.IDENTITY).name())
                        .param(
                                "srcBackground",
                                sources.get(FieldGroup.BACKGROUND).name())
                        .param("srcParty", sources.get(FieldGroup.PARTY).name())
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public void setAdmissionRequest(long id, long requestId) {
        jdbc.sql("UPDATE member.member SET admission_request_id = :request WHERE id = :id")
                .param("request", requestId)
                .param("id", id)
                .update();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + FIELD_COLUMNS + """
                        , m.id, m.cell_id, c.name AS cell_name, c.path::text AS cell_path, m.status, m.account_id,
                          m.admission_request_id, m.source_identity, m.source_background, m.source_party,
                          m.created_at, m.updated_at, m.version
                          FROM member.member m
                          LEFT JOIN org.current_organisation c ON c.org_id = m.cell_id
                         WHERE m.id = :id
                        """)
                .param("id", id)
                .query(Members::row)
                .optional();
    }

    /** Locks the record for a change (so an approval applied at the same time waits). */
    public Optional<Row> lock(long id) {
        jdbc.sql("SELECT id FROM member.member WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
        return byId(id);
    }

    public Optional<Long> idByAdmissionRequest(long requestId) {
        return jdbc.sql("SELECT id FROM member.member WHERE admission_request_id = :request")
                .param("request", requestId)
                .query(Long.class)
                .optional();
    }

    /** M-4: the membership ended (removal, expulsion, leaving, death) on {@code endedOn}; false when the version moved. */
    public boolean end(long id, int version, MemberStatus status, LocalDate endedOn, Instant now) {
        return jdbc.sql("""
                        UPDATE member.member SET status = :status, ended_on = :ended, updated_at = :now,
                                                 version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                        .param("status", status.name())
                        .param("ended", endedOn)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Sets the party badge text of the form (the badge award event writes it, M-4). */
    public void setPartyBadge(long id, String badge) {
        jdbc.sql("UPDATE member.member SET party_badge = :badge, version = version + 1 WHERE id = :id")
                .param("badge", badge)
                .param("id", id)
                .update();
    }

    public Optional<Long> idByAccount(long accountId) {
        return jdbc.sql("SELECT id FROM member.member WHERE account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .optional();
    }

    /** The database's own folding ({@code public.search_key}: lower case, no diacritics), blanks collapsed. */
    public String searchKey(String text) {
        String folded = SearchKeys.folded(text.strip());
        if (folded != null) {
            return folded;
        }
        return jdbc.sql("SELECT regexp_replace(public.search_key(:text), '\\s+', ' ', 'g')")
                .param("text", text.strip())
                .query(String.class)
                .single();
    }

    /** Whether another record already has this CCCD / party card. */
    public record Taken(boolean citizenId, boolean partyCard) {}

    public Taken taken(String citizenId, @Nullable String card, @Nullable Long except) {
        return jdbc.sql("""
                SELECT coalesce(bool_or(citizen_id = :cid), false) AS cid,
                       coalesce(bool_or(party_card_number = :card), false) AS card
                  FROM member.member
                 WHERE (citizen_id = :cid OR party_card_number = :card) AND id <> :except
                """)
                .param("cid", citizenId)
                .param("card", card, java.sql.Types.VARCHAR)
                .param("except", except == null ? -1L : except)
                .query((rs, n) -> new Taken(rs.getBoolean("cid"), rs.getBoolean("card")))
                .single();
    }

    /** The members who belong to the cell now, in id order. */
    public List<Long> idsInCell(long cellId) {
        return jdbc.sql("SELECT id FROM member.member WHERE cell_id = :cell ORDER BY id")
                .param("cell", cellId)
                .query(Long.class)
                .list();
    }

    public boolean hasCurrentMembers(long cellId) {
        // Ended memberships and refused admissions do not hold a cell open (M-4).
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM member.member
                                        WHERE cell_id = :cell AND status IN ('PENDING_ADMISSION', 'PROBATIONARY', 'OFFICIAL'))
                        """).param("cell", cellId).query(Boolean.class).single();
    }

    // --- the cell path copy of the search (kept by the trigger member.member_cell_path and by these)

    /**
     * A subtree of the org tree moved: the members of its cells get the new path prefix (found
     * through the GIN index of their cells' ancestors, which holds the subtree's root).
     */
    public int moveCellPaths(long rootOrgId, String oldPath, String newPath) {
        return jdbc.sql("""
                UPDATE member.member
                   SET cell_path = subpath(CAST(:new AS ltree), 0, nlevel(CAST(:new AS ltree)) - 1)
                                   || subpath(cell_path, nlevel(CAST(:old AS ltree)) - 1)
                 WHERE member.scope_ids(cell_path) @> ARRAY[CAST(:root AS bigint)]
                   AND cell_path <@ CAST(:old AS ltree)
                """)
                .param("root", rootOrgId)
                .param("old", oldPath)
                .param("new", newPath)
                .update();
    }

    /** The cell ended: it has no current path. */
    public int clearCellPath(long cellId) {
        return jdbc.sql("UPDATE member.member SET cell_path = NULL WHERE cell_id = :cell AND cell_path IS NOT NULL")
                .param("cell", cellId)
                .update();
    }

    // --- membership history

    public void openMembership(
            long memberId, long cellId, MemberStatus status, LocalDate from, @Nullable String basis) {
        jdbc.sql("""
                INSERT INTO member.membership (member_id, cell_id, status, valid_from, basis)
                VALUES (:member, :cell, :status, :from, :basis)
                """)
                .param("member", memberId)
                .param("cell", cellId)
                .param("status", status.name())
                .param("from", from)
                .param("basis", basis, java.sql.Types.VARCHAR)
                .update();
    }

    /**
     * The history of a member recorded as they stand: probationary from the admission date, and
     * official from the official date when there is one.
     */
    public void insertMemberships(long memberId, long cellId, LocalDate admission, @Nullable LocalDate official) {
        jdbc.sql("""
                INSERT INTO member.membership (member_id, cell_id, status, valid_from, valid_to, basis)
                SELECT :member, :cell, 'PROBATIONARY', :admission, coalesce(CAST(:official AS date), 'infinity'), 'Kết nạp'
                UNION ALL
                SELECT :member, :cell, 'OFFICIAL', CAST(:official AS date), 'infinity', 'Công nhận đảng viên chính thức'
                 WHERE CAST(:official AS date) IS NOT NULL
                """)
                .param("member", memberId)
                .param("cell", cellId)
                .param("admission", admission)
                .param("official", official, java.sql.Types.DATE)
                .update();
    }

    /** Closes the open membership row on {@code to}; returns the day it had begun, if there was one. */
    public Optional<LocalDate> closeMembership(long memberId, LocalDate to) {
        return jdbc.sql("""
                UPDATE member.membership SET valid_to = :to
                 WHERE member_id = :member AND valid_to = 'infinity'
                RETURNING valid_from
                """)
                .param("member", memberId)
                .param("to", to)
                .query(LocalDate.class)
                .optional();
    }

    public void moveOpenMembership(long memberId, long cellId) {
        jdbc.sql("UPDATE member.membership SET cell_id = :cell WHERE member_id = :member AND valid_to = 'infinity'")
                .param("cell", cellId)
                .param("member", memberId)
                .update();
    }

    public Optional<LocalDate> openMembershipSince(long memberId) {
        return jdbc.sql("SELECT valid_from FROM member.membership WHERE member_id = :member AND valid_to = 'infinity'")
                .param("member", memberId)
                .query(LocalDate.class)
                .optional();
    }

    public List<MembershipPeriod> history(long memberId) {
        return jdbc.sql("""
                SELECT ms.cell_id, coalesce(c.name, '(tổ chức đã giải thể)') AS cell_name, ms.status,
                       ms.valid_from, ms.valid_to, ms.basis
                  FROM member.membership ms
                  LEFT JOIN org.current_organisation c ON c.org_id = ms.cell_id
                 WHERE ms.member_id = :member
                 ORDER BY ms.valid_from DESC
                """)
                .param("member", memberId)
                .query((rs, n) -> new MembershipPeriod(
                        rs.getLong("cell_id"),
                        rs.getString("cell_name"),
                        MemberStatus.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        infinityToNull(rs.getObject("valid_to", LocalDate.class)),
                        rs.getString("basis")))
                .list();
    }

    // --- search

    /** Results and the count (exact up to {@code countCap}). */
    public record Found(List<MemberSummary> items, long total, boolean capped) {}

    /**
     * The FROM and WHERE of a search with its parameters, its status and cell columns and its order.
     * {@code typos} is the word similarity from which near names are part of it (0: none).
     */
    public record Match(
            String from,
            Map<String, Object> params,
            String status,
            String cell,
            String order,
            double typos,
            boolean byProvince) {}

    /**
     * A name search looks for the unaccented text inside names first; only when that finds fewer
     * than this many members does it widen to near names (typos), ranked by word similarity. The
     * typo operator is the expensive part at national scale (issue 5 item 10a): "nguyen van hugn"
     * is within 0.5 of every "Nguyễn Văn …", so it runs only when the plain text found next to
     * nothing, which is when a typo is likely.
     */
    static final int TYPO_BELOW = 20;

    public Found search(
            MemberQuery query,
            @Nullable String searchKey,
            List<String> paths,
            long self,
            @Nullable String subtree,
            LocalDate today,
            int limit,
            long offset,
            int countCap) {
        Match match = match(query, searchKey, paths, self, subtree, today, 0);
        if (searchKey == null) {
            // A filter without a name: the first page reads a few entries of an ordered index, the
            // count (capped) an index of its own; two short queries.
            long total = count(match, countCap + 1);
            return new Found(page(match, limit, offset, false).rows(), Math.min(total, countCap), total > countCap);
        }
        // A name search ranks every match anyway (by how well it matches), so the same pass counts
        // them (a window count) instead of a second query reading them all again.
        Page page = page(match, limit, offset, true);
        long total = page.total() >= 0 ? page.total() : count(match, countCap + 1);
        for (int i = 0; i < WORD_SIMILARITY.length && total < TYPO_BELOW; i++) {
            match = match(query, searchKey, paths, self, subtree, today, WORD_SIMILARITY[i]);
            page = page(match, limit, offset, true);
            total = page.total() >= 0 ? page.total() : count(match, countCap + 1);
        }
        return new Found(page.rows(), Math.min(total, countCap), total > countCap);
    }

    /** A page of results, with the number of all matches when asked and the page is not empty (else -1). */
    private record Page(List<MemberSummary> rows, long total) {}

    private Page page(Match match, int limit, long offset, boolean withTotal) {
        // The cell's name is looked up for the page's rows only (after the sort and the limit).
        String select = "SELECT m.id, m.full_name, m.gender, m.birth_date, " + match.cell() + " AS cell_id, "
                + "(SELECT c.name FROM org.current_organisation c WHERE c.org_id = " + match.cell()
                + ") AS cell_name, " + match.status() + " AS status, m.admission_date, m.party_card_number"
                + (withTotal ? ", count(*) OVER () AS total" : ", -1 AS total")
                + match.from() + " ORDER BY " + match.order() + " LIMIT :limit OFFSET :offset";
        if (match.byProvince() && !withTotal) {
            // Read province by province: the page's ids are found in the provinces' indexes alone
            // (index-only: status, name and id in the key, gender and path included), and only the
            // page's rows are then read from the table.
            select = "SELECT m.id, m.full_name, m.gender, m.birth_date, m.cell_id AS cell_id,"
                    + " (SELECT c.name FROM org.current_organisation c WHERE c.org_id = m.cell_id) AS cell_name,"
                    + " m.status AS status, m.admission_date, m.party_card_number, -1 AS total"
                    + " FROM (SELECT m.id" + match.from() + " ORDER BY " + match.order()
                    + " LIMIT :limit OFFSET :offset) k JOIN member.member m ON m.id = k.id ORDER BY " + match.order();
        }
        JdbcClient.StatementSpec items = jdbc.sql(select);
        for (Map.Entry<String, Object> e : match.params().entrySet()) {
            items = items.param(e.getKey(), e.getValue());
        }
        long[] total = {-1};
        List<MemberSummary> rows = items.param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new MemberSummary(
                            rs.getLong("id"),
                            rs.getString("full_name"),
                            Gender.valueOf(rs.getString("gender")),
                            rs.getObject("birth_date", LocalDate.class),
                            rs.getLong("cell_id"),
                            rs.getString("cell_name"),
                            MemberStatus.valueOf(rs.getString("status")),
                            rs.getObject("admission_date", LocalDate.class),
                            rs.getString("party_card_number"));
                })
                .list();
        return new Page(rows, total[0]);
    }

    /** How many rows match, counting no further than {@code upTo}. */
    private long count(Match match, int upTo) {
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM (SELECT 1" + match.from() + " LIMIT :cap) x");
        for (Map.Entry<String, Object> e : match.params().entrySet()) {
            count = count.param(e.getKey(), e.getValue());
        }
        return count.param("cap", upTo).query(Long.class).single();
    }

    /**
     * Every match of a search with the whole form, in the search's order, at most {@code limit},
     * fetched a batch at a time (the export, issue 5 item 5). The status is the one the search
     * filtered on (as of {@code asOf} when given).
     */
    public void forEachMatch(Match match, int limit, java.util.function.Consumer<Row> sink) {
        String select = "SELECT " + FIELD_COLUMNS + ", m.id, " + match.cell() + " AS cell_id,"
                + " (SELECT c.name FROM org.current_organisation c WHERE c.org_id = " + match.cell() + ") AS cell_name,"
                + " (SELECT c.path::text FROM org.current_organisation c WHERE c.org_id = " + match.cell()
                + ") AS cell_path, " + match.status()
                + " AS status, m.account_id, m.admission_request_id, m.source_identity, m.source_background,"
                + " m.source_party, m.created_at, m.updated_at, m.version" + match.from() + " ORDER BY "
                + match.order() + " LIMIT :limit";
        Map<String, Object> params = new LinkedHashMap<>(match.params());
        params.put("limit", limit);
        streaming.query(select, params, (ResultSet rs) -> {
            sink.accept(row(rs, 0));
        });
    }

    /**
     * The scope, subtree and criteria of a search as SQL (sets the typo threshold for the
     * transaction): near names are included when the plain text finds fewer than
     * {@link #TYPO_BELOW} members, as {@link #search} does.
     */
    public Match match(
            MemberQuery query,
            @Nullable String searchKey,
            List<String> paths,
            long self,
            @Nullable String subtree,
            LocalDate today) {
        Match match = match(query, searchKey, paths, self, subtree, today, 0);
        for (int i = 0; searchKey != null && i < WORD_SIMILARITY.length && count(match, TYPO_BELOW) < TYPO_BELOW; i++) {
            match = match(query, searchKey, paths, self, subtree, today, WORD_SIMILARITY[i]);
        }
        return match;
    }

    private Match match(
            MemberQuery query,
            @Nullable String searchKey,
            List<String> paths,
            long self,
            @Nullable String subtree,
            LocalDate today,
            double typos) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder from = new StringBuilder();
        String status;
        String cell;
        boolean byProvince = false;
        if (query.asOf() != null) {
            // The membership on a past day: the cell then, scoped by where that cell stands now.
            from.append(" FROM member.member m JOIN member.membership ms ON ms.member_id = m.id")
                    .append(" AND ms.valid_from <= :asOf AND ms.valid_to > :asOf")
                    .append(" JOIN org.current_organisation hc ON hc.org_id = ms.cell_id");
            params.put("asOf", query.asOf());
            status = "ms.status";
            cell = "ms.cell_id";
            // M-4: a member in transit also shows on the receiving side.
            from.append(" WHERE (hc.path <@ ANY(CAST(:paths AS ltree[])) OR m.account_id = :self"
                    + " OR EXISTS (SELECT 1 FROM member.transfer t JOIN org.current_organisation tc"
                    + " ON tc.org_id = t.to_cell_id WHERE t.member_id = m.id AND " + Transfers.OPEN
                    + " AND tc.path <@ ANY(CAST(:paths AS ltree[]))))");
            if (subtree != null) {
                from.append(" AND hc.path <@ CAST(:subtree AS ltree)");
                params.put("subtree", subtree);
            }
        } else {
            status = "m.status";
            cell = "m.cell_id";
            boolean nameOrder = searchKey == null
                    && (query.sort() == MemberQuery.Sort.RELEVANCE || query.sort() == MemberQuery.Sort.NAME);
            List<String> provinces = nameOrder && subtree == null ? provinces(paths) : null;
            byProvince = provinces != null;
            from.append(" FROM ")
                    .append(scope(paths, subtree, searchKey != null, provinces, params))
                    .append(" m WHERE TRUE");
        }
        params.put("paths", paths.stream().collect(Collectors.joining(",", "{", "}")));
        params.put("self", self);
        String order = null;
        if (searchKey != null) {
            String escaped = searchKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("like", "%" + escaped + "%");
            params.put("key", searchKey);
            // The text matches when each of its words is inside the name (GIN: the words' trigrams,
            // all required), so "nguyen phuc" finds "Nguyễn Xuân Phúc". Ranked: the text as whole
            // words, then at the start of a word, then inside a word, then its words apart (then
            // near names, closest first).
            params.put("words", "% " + escaped + " %");
            params.put("wordStart", "% " + escaped + "%");
            String tier = "CASE WHEN ' ' || m.search_name || ' ' LIKE :words THEN 0"
                    + " WHEN ' ' || m.search_name LIKE :wordStart THEN 1"
                    + " WHEN m.search_name LIKE :like THEN 2"
                    + " WHEN " + allWords(escaped, params) + " THEN 3 ELSE 4 END";
            if (typos > 0) {
                // For this transaction only (the caller's).
                jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                        .param("threshold", String.valueOf(typos))
                        .query(String.class)
                        .single();
                from.append(" AND (" + allWords(escaped, params) + " OR :key <% m.search_name)");
                if (query.sort() == MemberQuery.Sort.RELEVANCE) {
                    order = tier + ", word_similarity(:key, m.search_name) DESC, m.search_name, m.id";
                }
            } else {
                from.append(" AND ").append(allWords(escaped, params));
                if (query.sort() == MemberQuery.Sort.RELEVANCE) {
                    order = tier + ", m.search_name, m.id";
                }
            }
        }
        if (query.citizenId() != null) {
            from.append(" AND m.citizen_id = :citizenId");
            params.put("citizenId", query.citizenId().replace(" ", ""));
        }
        if (query.partyCard() != null) {
            from.append(" AND m.party_card_number = :partyCard");
            params.put("partyCard", query.partyCard().replace(" ", ""));
        }
        if (query.status() != null) {
            from.append(" AND ").append(status).append(" = :status");
            params.put("status", query.status().name());
        } else if (query.asOf() == null) {
            // M-4: refused admissions and ended memberships leave the default search (ask by status).
            from.append(" AND m.status IN ('PENDING_ADMISSION', 'PROBATIONARY', 'OFFICIAL')");
        }
        if (query.gender() != null) {
            from.append(" AND m.gender = :gender");
            params.put("gender", query.gender().name());
        }
        if (query.ageFrom() != null) {
            from.append(" AND m.birth_date <= :bornBy");
            params.put("bornBy", today.minusYears(query.ageFrom()));
        }
        if (query.ageTo() != null) {
            from.append(" AND m.birth_date > :bornAfter");
            params.put("bornAfter", today.minusYears(query.ageTo() + 1L));
        }
        if (query.ethnicity() != null) {
            from.append(" AND m.ethnicity = :ethnicity");
            params.put("ethnicity", query.ethnicity());
        }
        if (query.education() != null) {
            from.append(" AND m.general_education = :education");
            params.put("education", query.education());
        }
        if (query.theory() != null) {
            from.append(" AND m.political_theory = :theory");
            params.put("theory", query.theory());
        }
        if (query.admissionYear() != null) {
            from.append(" AND m.admission_date >= :admFrom AND m.admission_date < :admTo");
            params.put("admFrom", LocalDate.of(query.admissionYear(), 1, 1));
            params.put("admTo", LocalDate.of(query.admissionYear() + 1, 1, 1));
        }
        if (order == null) {
            order = switch (query.sort()) {
                case RELEVANCE, NAME -> "m.search_name, m.id";
                case BIRTH_DATE -> "m.birth_date, m.id";
                case ADMISSION_DATE -> "m.admission_date, m.id";
            };
        }
        return new Match(from.toString(), params, status, cell, order, typos, byProvince);
    }

    /** Every word of the (escaped) text inside the name. */
    private static String allWords(String escaped, Map<String, Object> params) {
        List<String> words = java.util.Arrays.stream(escaped.split(" "))
                .filter(w -> !w.isEmpty())
                .toList();
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < words.size(); i++) {
            params.put("word" + i, "%" + words.get(i) + "%");
            sql.append(i == 0 ? "" : " AND ").append("m.search_name LIKE :word").append(i);
        }
        return sql.append(")").toString();
    }

    /**
     * The members a scope reaches now, as a FROM item. Filtered on the copy of the cell's path kept
     * on each member ({@code cell_path}, see MemberCellPaths) instead of joining ~300,000 cells per
     * row (issue 5 item 10a). Besides the subtrees: the caller's own record, and (M-4) members in
     * transit to, or on temporary activity in, a cell of the subtrees. A member whose cell no longer
     * exists has no path and is found by nobody.
     */
    private static String scope(
            List<String> paths,
            @Nullable String subtree,
            boolean byName,
            @Nullable List<String> provinces,
            Map<String, Object> params) {
        if (subtree != null) {
            // The subtree lies inside the scope (checked by the caller): it is the whole scope.
            return "(SELECT * FROM member.member WHERE " + within(List.of(subtree), byName, params) + ")";
        }
        if (paths.isEmpty()) {
            // A MEMBER account (H-4): its own record only.
            return "(SELECT * FROM member.member WHERE account_id = :self AND cell_path IS NOT NULL)";
        }
        // The few members reached otherwise than by the subtrees (the caller's own record, transfers in
        // transit) outside them.
        String others = "SELECT * FROM member.member WHERE id IN ("
                + "SELECT id FROM member.member WHERE account_id = :self"
                + " UNION SELECT t.member_id FROM member.transfer t"
                + " JOIN org.current_organisation tc ON tc.org_id = t.to_cell_id"
                + " WHERE " + Transfers.OPEN
                + " AND tc.path <@ ANY(CAST(:paths AS ltree[])))"
                + " AND cell_path IS NOT NULL AND NOT cell_path <@ ANY(CAST(:paths AS ltree[]))";
        if (provinces != null) {
            String branches = byProvince(provinces, params);
            // The root reaches every member whose cell exists: nobody else to add.
            return paths.stream().anyMatch(p -> p.indexOf('.') < 0)
                    ? "(" + branches + ")"
                    : "(" + branches + " UNION ALL " + others + ")";
        }
        String within = within(paths, byName, params);
        if (within.equals(EVERYWHERE)) {
            return "(SELECT * FROM member.member WHERE " + EVERYWHERE + ")";
        }
        // Two branches (UNION ALL, so that each keeps its own index and order): the subtrees, and the
        // others.
        return "(SELECT * FROM member.member WHERE " + within + " UNION ALL " + others + ")";
    }

    private static final String EVERYWHERE = "cell_path IS NOT NULL";

    /**
     * The provinces (organisations of the second level) whose members a list without a name, in name
     * order, reads for several provinces or the whole country; null when the scope is one province or
     * lies below one. Read one branch per province (below), each branch is an index-only scan of the
     * province's index (V2026_12_05_1001) and {@link #page} reads from the table only the page's rows,
     * where one condition over all provinces read every match of the country from the table: the
     * first page of the probationary women of 6.3 million members took 3.2 s, now 0.2 s (issue 5
     * item 10a, "national status filter").
     */
    private @Nullable List<String> provinces(List<String> paths) {
        if (paths.stream().anyMatch(p -> p.indexOf('.') < 0)) {
            String root =
                    paths.stream().filter(p -> p.indexOf('.') < 0).findFirst().orElseThrow();
            List<String> all = new java.util.ArrayList<>(
                    jdbc.sql("SELECT path::text FROM org.current_organisation WHERE nlevel(path) = 2 ORDER BY path")
                            .query(String.class)
                            .list());
            // subpath(p, 0, 2) of a one-label path is the path itself: nothing is left out.
            all.add(root);
            return all;
        }
        List<String> distinct = paths.stream().distinct().toList();
        boolean provinceLevel = distinct.stream().allMatch(p -> p.indexOf('.') == p.lastIndexOf('.'));
        return provinceLevel && distinct.size() > 1 ? distinct : null;
    }

    /** One branch per province, each served in name order by the province's own index (V2026_12_05_1001). */
    private static String byProvince(List<String> provinces, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < provinces.size(); i++) {
            params.put("province" + i, provinces.get(i));
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT * FROM member.member WHERE subpath(cell_path, 0, 2) = CAST(:province")
                    .append(i)
                    .append(" AS ltree)");
        }
        return sql.toString();
    }

    /**
     * "The member's cell lies in one of these subtrees", in the form the indexes of
     * V2026_12_05_1000 serve best (measured on the national data set, see there):
     *
     * <ul>
     * <li>the root: every member whose cell exists;</li>
     * <li>a name search, or a subtree below a province: the GIN index of the cell's ancestors
     * ({@code member.scope_ids}) together with the name's trigrams, which intersects the two inside
     * the index, so a province user's search reads only the province's candidates;</li>
     * <li>otherwise (whole provinces, no name): equality on the province, whose btree indexes keep
     * each province's members in name order, so the first page of "probationary women" reads twenty
     * rows instead of sorting a province.</li>
     * </ul>
     */
    private static String within(List<String> roots, boolean byName, Map<String, Object> params) {
        if (roots.stream().anyMatch(p -> p.indexOf('.') < 0)) {
            return EVERYWHERE;
        }
        boolean provinces = roots.stream().allMatch(p -> p.indexOf('.') == p.lastIndexOf('.'));
        if (byName || !provinces) {
            params.put(
                    "scopeIds",
                    roots.stream()
                            .map(p -> p.substring(p.lastIndexOf('.') + 1))
                            .distinct()
                            .collect(Collectors.joining(",", "{", "}")));
            return "member.scope_ids(cell_path) && CAST(:scopeIds AS bigint[])";
        }
        List<String> distinct = roots.stream().distinct().toList();
        if (distinct.size() == 1) {
            params.put("province", distinct.get(0));
            return "subpath(cell_path, 0, 2) = CAST(:province AS ltree)";
        }
        params.put("provinces", distinct.stream().collect(Collectors.joining(",", "{", "}")));
        return "subpath(cell_path, 0, 2) = ANY(CAST(:provinces AS ltree[]))";
    }

    // --- mapping

    private static Row row(ResultSet rs, int n) throws SQLException {
        Map<MemberField, String> values = new EnumMap<>(MemberField.class);
        for (MemberField f : MemberField.values()) {
            Object v = f.kind() == MemberField.Kind.DATE
                    ? rs.getObject(f.column(), LocalDate.class)
                    : rs.getString(f.column());
            if (v != null) {
                values.put(f, v.toString());
            }
        }
        Map<FieldGroup, DataSource> sources = new EnumMap<>(FieldGroup.class);
        sources.put(FieldGroup.IDENTITY, DataSource.valueOf(rs.getString("source_identity")));
        sources.put(FieldGroup.BACKGROUND, DataSource.valueOf(rs.getString("source_background")));
        sources.put(FieldGroup.PARTY, DataSource.valueOf(rs.getString("source_party")));
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        long request = rs.getLong("admission_request_id");
        Long requestId = rs.wasNull() ? null : request;
        return new Row(
                rs.getLong("id"),
                values,
                rs.getLong("cell_id"),
                rs.getString("cell_name"),
                rs.getString("cell_path"),
                MemberStatus.valueOf(rs.getString("status")),
                accountId,
                requestId,
                sources,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static @Nullable Object sqlValue(MemberField field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return field.kind() == MemberField.Kind.DATE ? LocalDate.parse(value) : value;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, String name, @Nullable Object value) {
        if (value == null) {
            return s.param(name, null, java.sql.Types.NULL);
        }
        return s.param(name, value);
    }

    private static @Nullable LocalDate infinityToNull(@Nullable LocalDate day) {
        return day == null || day.getYear() > 9000 ? null : day;
    }
}
