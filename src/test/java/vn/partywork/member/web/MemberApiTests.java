package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * The member database over the real JSON API with demo accounts: scope isolation (P-AZ-1, H-4),
 * unaccented and typo-tolerant search, the audit of searches and reads (P-AU-1), validation with
 * stable codes that leaves nothing behind (M-1), and field ownership (M-6).
 */
@PartyworkTest
class MemberApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MemberTestData data() {
        return new MemberTestData(jdbc);
    }

    long cell(String name) {
        return new DemoOrgs(jdbc).id(name);
    }

    @Test
    void hanoiStaffCannotSeeHoChiMinhMembers() {
        long ngoc = data().idByName("Trần Thị Bích Ngọc");
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        Reply outside = hn.get("/api/v1/members/" + ngoc);
        Reply missing = hn.get("/api/v1/members/" + (ngoc + 1_000_000));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).isEqualTo(missing.body());
        assertThat(outside.code()).isEqualTo("member.notFound");
        // The typo-tolerant search may list similar Hà Nội names, never her.
        assertThat(hn.get("/api/v1/members?q=tran%20thi%20bich%20ngoc&size=100").<List<Integer>>json("$.items[*].id"))
                .doesNotContain((int) ngoc);
        assertThat(hn.get("/api/v1/members?citizenId=079190002030").<Integer>json("$.total"))
                .isZero();

        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        assertThat(hcm.get("/api/v1/members/" + ngoc).<String>json("$.fields.fullName"))
                .isEqualTo("Trần Thị Bích Ngọc");
        assertThat(hcm.get("/api/v1/members?q=tran%20thi%20bich%20ngoc").<List<String>>json("$.items[*].fullName"))
                .contains("Trần Thị Bích Ngọc");
        // Searching inside another province's organisation is refused like a missing organisation.
        Reply foreignOrg = hn.get("/api/v1/members?org=" + cell(DemoOrgs.HCM));
        assertThat(foreignOrg.status()).isEqualTo(404);
        assertThat(foreignOrg.code()).isEqualTo("member.org.notFound");
    }

    @Test
    void aMemberAccountSeesItsOwnRecordOnly() {
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        Reply me = member.get("/api/v1/members/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.<String>json("$.fields.fullName")).isEqualTo("Vũ Văn Nam");
        assertThat(me.<String>json("$.cellName")).isEqualTo("Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(member.get("/api/v1/members/" + me.id()).status()).isEqualTo(200);

        // H-4: the member's implicit scope reads its cell's organisation, not its comrades' records.
        long comrade = jdbc.sql("""
                SELECT id FROM member.member WHERE cell_id = :cell AND full_name <> 'Vũ Văn Nam' ORDER BY id LIMIT 1
                """)
                .param("cell", cell("Chi bộ Tổ dân phố Hàng Bạc"))
                .query(Long.class)
                .single();
        Reply other = member.get("/api/v1/members/" + comrade);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("member.notFound");
        assertThat(member.get("/api/v1/members?size=100").<List<String>>json("$.items[*].fullName"))
                .containsExactly("Vũ Văn Nam");

        // The cell secretary reads every record of her cell, and only of her cell.
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        assertThat(secretary.get("/api/v1/members/" + comrade).status()).isEqualTo(200);
        assertThat(secretary
                        .get("/api/v1/members/" + data().idByName("Nguyễn Văn An"))
                        .status())
                .isEqualTo(404);
    }

    static String first(Reply reply) {
        assertThat(reply.<List<String>>json("$.items[*].fullName"))
                .as("%s", reply)
                .isNotEmpty();
        return reply.json("$.items[0].fullName");
    }

    @Test
    void searchIsUnaccentedAndForgivesTypos() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        assertThat(first(hn.get("/api/v1/members?q=nguyen%20van%20an"))).isEqualTo("Nguyễn Văn An");
        assertThat(first(hn.get("/api/v1/members?q=Nguy%E1%BB%85n%20V%C4%83n%20An")))
                .isEqualTo("Nguyễn Văn An");
        // A typo ("ngyuen") still finds him first.
        assertThat(first(hn.get("/api/v1/members?q=ngyuen%20van%20an"))).isEqualTo("Nguyễn Văn An");
        // By CCCD and party card, exactly.
        assertThat(hn.get("/api/v1/members?citizenId=001078001945").<List<String>>json("$.items[*].fullName"))
                .containsExactly("Nguyễn Văn An");
        assertThat(hn.get("/api/v1/members?partyCard=01001945").<List<String>>json("$.items[*].fullName"))
                .containsExactly("Nguyễn Văn An");
        // Filters combine: born 1978 men admitted in 2004 in the Hoàn Kiếm ward.
        long ward = cell("Đảng bộ phường Hoàn Kiếm");
        Reply filtered = hn.get("/api/v1/members?org=" + ward + "&gender=MALE&admissionYear=2004&status=OFFICIAL");
        assertThat(filtered.<List<String>>json("$.items[*].fullName")).contains("Nguyễn Văn An");
        assertThat(filtered.<List<Integer>>json("$.items[*].cellId"))
                .allSatisfy(id -> assertThat(List.of(
                                (int) cell("Chi bộ Tổ dân phố Hàng Bạc"), (int) cell("Chi bộ Tổ dân phố Hàng Đào")))
                        .contains(id));
        Reply tooLong = hn.get("/api/v1/members?q=" + "a".repeat(500));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("member.search.tooLong");
        // 10,000 characters get the same clear answer (issue 5 "Bad input").
        Reply huge = hn.get("/api/v1/members?q=" + "a".repeat(10_000));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.code()).isEqualTo("member.search.tooLong");
    }

    @Test
    void aSearchWritesOneSearchEventWithItsCriteriaAndARecordReadOneReadEvent() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long searches = data().auditCount("SEARCH", "hn.tochuc");
        hn.get("/api/v1/members?q=nguyen%20van%20an&gender=MALE&size=5");
        assertThat(data().auditCount("SEARCH", "hn.tochuc")).isEqualTo(searches + 1);
        Map<String, Object> details = jdbc.sql("""
                SELECT details::text FROM audit.event
                 WHERE target_type = 'member' AND action = 'SEARCH' AND actor_identifier = 'hn.tochuc'
                 ORDER BY seq DESC LIMIT 1
                """)
                .query((rs, n) -> com.jayway.jsonpath.JsonPath.<Map<String, Object>>read(rs.getString(1), "$"))
                .single();
        assertThat(details).containsEntry("name", "nguyen van an").containsEntry("gender", "MALE");

        long an = data().idByName("Nguyễn Văn An");
        long reads = data().auditCount("READ", "hn.tochuc");
        hn.get("/api/v1/members/" + an);
        assertThat(data().auditCount("READ", "hn.tochuc")).isEqualTo(reads + 1);
        assertThat(jdbc.sql("""
                        SELECT target_id FROM audit.event
                         WHERE target_type = 'member' AND action = 'READ' AND actor_identifier = 'hn.tochuc'
                         ORDER BY seq DESC LIMIT 1
                        """).query(String.class).single()).isEqualTo(String.valueOf(an));
    }

    @Test
    void readingTheHistoryOrTheDocumentsOfARecordWritesAReadEvent() {
        // P-AU-1: both reads are marked audited in the endpoint table.
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long an = data().idByName("Nguyễn Văn An");
        for (String part : List.of("history", "documents")) {
            long reads = data().auditCount("READ", "hn.tochuc");
            assertThat(hn.get("/api/v1/members/" + an + "/" + part).status()).isEqualTo(200);
            assertThat(data().auditCount("READ", "hn.tochuc")).as(part).isEqualTo(reads + 1);
            assertThat(jdbc.sql("""
                            SELECT target_id || ' ' || (details ->> 'part') FROM audit.event
                             WHERE target_type = 'member' AND action = 'READ' AND actor_identifier = 'hn.tochuc'
                             ORDER BY seq DESC LIMIT 1
                            """).query(String.class).single()).isEqualTo(an + " " + part);
        }
    }

    @Test
    void badFormsAreRefusedWithStableCodesAndLeaveNothingBehind() {
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long cell = cell("Chi bộ Tổ dân phố Hàng Đào");
        LocalDate birth = LocalDate.of(1990, 1, 15);
        long members = data().memberCount();
        long periods = data().membershipCount();
        long creates = data().auditCount("CREATE", "hn.tochuc");

        Reply badFormat = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell, "Lê Văn Sai", "12345", birth, LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)));
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.code()).isEqualTo("member.citizenId.invalid");
        assertThat(badFormat.message()).startsWith("Số căn cước công dân phải gồm 12 chữ số");

        Reply wrongYear = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        "Lê Văn Sai",
                        MemberTestData.citizenId(1991),
                        birth,
                        LocalDate.of(2015, 1, 1),
                        LocalDate.of(2016, 1, 1)));
        assertThat(wrongYear.code()).isEqualTo("member.citizenId.mismatch");

        Reply duplicateId = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        "Lê Văn Trùng",
                        "001078001945",
                        LocalDate.of(1978, 3, 3),
                        LocalDate.of(2015, 1, 1),
                        null));
        assertThat(duplicateId.status()).isEqualTo(409);
        assertThat(duplicateId.code()).isEqualTo("member.citizenId.duplicate");
        assertThat(duplicateId.message())
                .isEqualTo("Số căn cước công dân này đã có trong hồ sơ của một đảng viên khác.");

        String withCard = MemberTestData.body(
                        cell,
                        "Lê Văn Thẻ",
                        MemberTestData.citizenId(1990),
                        birth,
                        LocalDate.of(2015, 1, 1),
                        LocalDate.of(2016, 1, 1))
                .replace("\"phone\"", "\"partyCardNumber\": \"01001945\", \"phone\"");
        Reply duplicateCard = staff.post("/api/v1/members", withCard);
        assertThat(duplicateCard.status()).isEqualTo(409);
        assertThat(duplicateCard.code()).isEqualTo("member.partyCard.duplicate");

        Reply underAge = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell, "Lê Văn Trẻ", MemberTestData.citizenId(1990), birth, LocalDate.of(2008, 1, 14), null));
        assertThat(underAge.status()).isEqualTo(400);
        assertThat(underAge.code()).isEqualTo("member.admission.underAge");
        assertThat(underAge.message()).contains("15/01/2008");

        Reply earlyOfficial = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        "Lê Văn Sớm",
                        MemberTestData.citizenId(1990),
                        birth,
                        LocalDate.of(2015, 3, 10),
                        LocalDate.of(2016, 3, 9)));
        assertThat(earlyOfficial.status()).isEqualTo(400);
        assertThat(earlyOfficial.code()).isEqualTo("member.official.beforeProbationEnd");
        assertThat(earlyOfficial.message()).contains("10/03/2016");

        Reply notACell = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell("Đảng bộ phường Hoàn Kiếm"),
                        "Lê Văn Ô",
                        MemberTestData.citizenId(1990),
                        birth,
                        LocalDate.of(2015, 1, 1),
                        null));
        assertThat(notACell.code()).isEqualTo("member.cell.notCell");

        Reply impossibleDate = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                                cell,
                                "Lê Văn Ngày",
                                MemberTestData.citizenId(1990),
                                birth,
                                LocalDate.of(2015, 1, 1),
                                null)
                        .replace("\"admissionDate\": \"2015-01-01\"", "\"admissionDate\": \"31/02/2015\""));
        assertThat(impossibleDate.code()).isEqualTo("member.date.invalid");

        assertThat(data().memberCount()).isEqualTo(members);
        assertThat(data().membershipCount()).isEqualTo(periods);
        assertThat(data().auditCount("CREATE", "hn.tochuc")).isEqualTo(creates);

        // The same form, corrected, is accepted, with its membership history from the admission date.
        Reply ok = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        "Lê Văn Đúng",
                        MemberTestData.citizenId(1990),
                        birth,
                        LocalDate.of(2015, 3, 10),
                        LocalDate.of(2016, 3, 10)));
        assertThat(ok.status()).as("%s", ok).isEqualTo(201);
        assertThat(ok.<String>json("$.status")).isEqualTo("OFFICIAL");
        assertThat(ok.<String>json("$.sources.PARTY")).isEqualTo("DIGITISED_PAPER");
        Reply history = staff.get("/api/v1/members/" + ok.id() + "/history");
        assertThat(history.<List<String>>json("$[*].status")).containsExactly("OFFICIAL", "PROBATIONARY");
        assertThat(history.<List<String>>json("$[*].validFrom")).containsExactly("2016-03-10", "2015-03-10");
    }

    @Test
    void membersOfASubtreeAsOfADate() {
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long cell = cell("Chi bộ Tổ dân phố Hàng Đào");
        String name = "Đinh Văn Lịch Sử";
        Reply created = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        name,
                        MemberTestData.citizenId(1970),
                        LocalDate.of(1970, 6, 1),
                        LocalDate.of(1999, 6, 1),
                        LocalDate.of(2000, 6, 1)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String query = "/api/v1/members?q=dinh%20van%20lich%20su&org=" + cell("Đảng bộ phường Hoàn Kiếm");
        assertThat(staff.get(query + "&asOf=1999-01-01").<Integer>json("$.total"))
                .isZero();
        assertThat(staff.get(query + "&asOf=1999-12-31").<List<String>>json("$.items[*].status"))
                .containsExactly("PROBATIONARY");
        assertThat(staff.get(query + "&asOf=2010-01-01").<List<String>>json("$.items[*].status"))
                .containsExactly("OFFICIAL");
    }
}
