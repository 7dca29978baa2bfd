package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberSheets;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * Imports longer than one write chunk (2,000 rows): in mode "all" the rows are written while the
 * file is still being read, so a bad row far down the file must undo what was already written, and
 * a duplicate that spans chunks must be reported on both rows in either mode (issue 5 item 6).
 */
@PartyworkTest
class MemberImportChunksTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int ROWS = 2_500;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** ROWS valid members of Hàng Đào with this name, told apart by their birth dates. */
    private List<Map<String, String>> members(String name) {
        long hangDao = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            LocalDate born = LocalDate.of(1980, 1, 1).plusDays(i);
            Map<String, String> row = MemberSheets.member(hangDao, name, MemberTestData.citizenId(born.getYear()));
            row.put("Ngày sinh", DAY.format(born));
            rows.add(row);
        }
        return rows;
    }

    private byte[] file(List<String> headers, List<Map<String, String>> members) {
        return MemberSheets.sheet(
                headers, members.stream().map(m -> MemberSheets.row(headers, m)).toList());
    }

    private List<String> headers(ApiClient api) {
        return MemberSheets.read(MemberSheets.download(port, api, "/api/v1/members/import/template")
                        .body())
                .get("Đảng viên")
                .get(0);
    }

    private long named(String name) {
        return jdbc.sql("SELECT count(*) FROM member.member WHERE full_name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long createdByJob(long jobId) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'CREATE' AND target_type = 'member' AND details ->> 'importJob' = :job
                """)
                .param("job", String.valueOf(jobId))
                .query(Long.class)
                .single();
    }

    @Test
    void aBadRowAfterTheFirstChunkLeavesNothingOfTheRowsAlreadyWritten() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<Map<String, String>> members = members("Lê Văn Khối Sau");
        members.get(2_300).put("Số căn cước công dân", "12345"); // Excel row 2,302
        long before = new MemberTestData(jdbc).memberCount();
        long histories = new MemberTestData(jdbc).membershipCount();

        Reply reply = MemberSheets.upload(hn, "khoi-sau.xlsx", MemberSheets.XLSX, file(headers(hn), members), "all");

        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.<String>json("$.code")).isEqualTo("member.import.rowsInvalid");
        assertThat(reply.<Integer>json("$.rowsRead")).isEqualTo(ROWS);
        assertThat(reply.<Integer>json("$.rowsImported")).isZero();
        assertThat(reply.<List<Integer>>json("$.errors[*].row")).containsOnly(2_302);
        assertThat(named("Lê Văn Khối Sau")).isZero();
        assertThat(new MemberTestData(jdbc).memberCount()).isEqualTo(before);
        assertThat(new MemberTestData(jdbc).membershipCount()).isEqualTo(histories);
        assertThat(createdByJob(reply.<Integer>json("$.id"))).isZero();
    }

    @Test
    void aDuplicateAcrossChunksIsReportedOnBothRowsInEitherMode() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<Map<String, String>> members = members("Lê Văn Khối Trùng");
        String first = members.get(10).get("Số căn cước công dân"); // Excel row 12
        members.get(2_200).put("Số căn cước công dân", first); // Excel row 2,202
        members.get(2_200).put("Ngày sinh", members.get(10).get("Ngày sinh"));
        byte[] file = file(headers(hn), members);

        Reply all = MemberSheets.upload(hn, "khoi-trung.xlsx", MemberSheets.XLSX, file, "all");

        assertThat(all.status()).as("%s", all).isEqualTo(422);
        assertThat(named("Lê Văn Khối Trùng")).isZero();

        Reply valid = MemberSheets.upload(hn, "khoi-trung.xlsx", MemberSheets.XLSX, file, "valid");

        assertThat(valid.status()).as("%s", valid).isEqualTo(200);
        assertThat(valid.<Integer>json("$.rowsInvalid")).isEqualTo(2);
        assertThat(valid.<Integer>json("$.rowsImported")).isEqualTo(ROWS - 2);
        assertThat(valid.<List<Integer>>json("$.errors[?(@.code == 'member.import.duplicateInFile')].row"))
                .contains(12, 2_202);
        assertThat(jdbc.sql("SELECT count(*) FROM member.member WHERE citizen_id = :cid")
                        .param("cid", first)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(named("Lê Văn Khối Trùng")).isEqualTo(ROWS - 2);
        // P-AU-2: one CREATE event per imported member, naming the job.
        assertThat(createdByJob(valid.<Integer>json("$.id"))).isEqualTo(ROWS - 2);
    }

    @Test
    void aLongFileInModeAllImportsEveryRowWithItsHistoryAndAudit() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long histories = new MemberTestData(jdbc).membershipCount();

        Reply reply = MemberSheets.upload(
                hn, "khoi-du.xlsx", MemberSheets.XLSX, file(headers(hn), members("Lê Văn Khối Đủ")), "all");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.<Integer>json("$.rowsImported")).isEqualTo(ROWS);
        assertThat(named("Lê Văn Khối Đủ")).isEqualTo(ROWS);
        // Probationary from admission, official from the official date: two periods each.
        assertThat(new MemberTestData(jdbc).membershipCount()).isEqualTo(histories + 2L * ROWS);
        assertThat(createdByJob(reply.<Integer>json("$.id"))).isEqualTo(ROWS);
    }
}
