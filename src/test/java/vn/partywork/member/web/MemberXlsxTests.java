package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import vn.partywork.web.PageSession;

/**
 * Export of search results and import from .xlsx (issue 5 items 5, 6, 9) over the real API and
 * pages, with the demo accounts: scope isolation, the EXPORT and IMPORT events, the template's
 * round trip, all-or-nothing and valid-rows-only, duplicates, and every bad file of issue 5's
 * "Bad input" refused with its code and nothing imported.
 */
@PartyworkTest
class MemberXlsxTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long cell(String name) {
        return new DemoOrgs(jdbc).id(name);
    }

    MemberTestData data() {
        return new MemberTestData(jdbc);
    }

    List<String> headers(ApiClient api) {
        HttpResponse<byte[]> template = MemberSheets.download(port, api, "/api/v1/members/import/template");
        assertThat(template.statusCode()).isEqualTo(200);
        return MemberSheets.read(template.body()).get("Đảng viên").get(0);
    }

    // --- export

    @Test
    void anExportHoldsOnlyTheCallersMembersAndSaysWhoExportedItWhen() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long exports = data().auditCount("EXPORT", "hn.tochuc");
        HttpResponse<byte[]> file = MemberSheets.download(port, hn, "/api/v1/members/export");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith(MemberSheets.XLSX);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".xlsx");

        Map<String, List<List<String>>> sheets = MemberSheets.read(file.body());
        List<List<String>> rows = sheets.get("Đảng viên");
        assertThat(rows.get(0)).startsWith("Mã hồ sơ", "Mã chi bộ", "Chi bộ", "Trạng thái", "Họ và tên khai sinh");
        List<Long> ids = rows.subList(1, rows.size()).stream()
                .map(r -> Long.valueOf(r.get(0)))
                .toList();
        String hanoi = new DemoOrgs(jdbc).path(cell(DemoOrgs.HANOI));
        long inHanoi = jdbc.sql("""
                SELECT count(*) FROM member.member m JOIN org.current_organisation c ON c.org_id = m.cell_id
                 WHERE c.path <@ CAST(:path AS ltree)
                   AND m.status IN ('PENDING_ADMISSION', 'PROBATIONARY', 'OFFICIAL')
                """).param("path", hanoi).query(Long.class).single();
        // Like the default search: ended records (removed, expelled, left, died) and refused admissions stay out.
        assertThat(ids).hasSize((int) inHanoi).doesNotHaveDuplicates();
        long outside = jdbc.sql("""
                SELECT count(*) FROM member.member m JOIN org.current_organisation c ON c.org_id = m.cell_id
                 WHERE m.id = ANY(CAST(:ids AS bigint[])) AND NOT c.path <@ CAST(:path AS ltree)
                """)
                .param("ids", ids.toArray(Long[]::new))
                .param("path", hanoi)
                .query(Long.class)
                .single();
        assertThat(outside).as("members of another province in Hà Nội's export").isZero();
        List<String> names = rows.stream().map(r -> r.get(4)).toList();
        assertThat(names).contains("Nguyễn Văn An").doesNotContain("Trần Thị Bích Ngọc");
        // CCCDs stay text with their leading zeros; dates are dates.
        List<String> an = rows.stream()
                .filter(r -> r.get(4).equals("Nguyễn Văn An"))
                .findFirst()
                .orElseThrow();
        assertThat(an).contains("001078001945");

        String info = sheets.get("Thông tin").toString();
        assertThat(info).contains("Người xuất", "hn.tochuc", "Thời điểm xuất", String.valueOf(ids.size()));
        // P-AU-1: one EXPORT event with the criteria and the row count.
        assertThat(data().auditCount("EXPORT", "hn.tochuc")).isEqualTo(exports + 1);
        String details = jdbc.sql("""
                SELECT details::text FROM audit.event WHERE action = 'EXPORT' AND actor_identifier = 'hn.tochuc'
                 ORDER BY occurred_at DESC LIMIT 1
                """).query(String.class).single();
        assertThat(details).contains("\"rows\": " + ids.size()).contains("\"format\": \"xlsx\"");

        // Hồ Chí Minh City's staff export her, never Hà Nội's members.
        HttpResponse<byte[]> hcm =
                MemberSheets.download(port, ApiClient.as(port, "hcm.tochuc"), "/api/v1/members/export");
        List<String> hcmNames = MemberSheets.read(hcm.body()).get("Đảng viên").stream()
                .map(r -> r.get(4))
                .toList();
        assertThat(hcmNames).contains("Trần Thị Bích Ngọc").doesNotContain("Nguyễn Văn An");
    }

    @Test
    void theSearchPagesButtonExportsTheCurrentCriteriaAndARefusedSearchWritesNoFile() {
        PageSession page = PageSession.login(port, "hn.tochuc");
        assertThat(page.get("/members?q=nguyen%20van%20an").body()).contains("/members/export?q=nguyen+van+an");
        HttpResponse<byte[]> file = page.download("/members/export?q=nguyen+van+an");
        assertThat(file.statusCode()).isEqualTo(200);
        List<List<String>> rows = MemberSheets.read(file.body()).get("Đảng viên");
        assertThat(rows.stream().map(r -> r.get(4))).contains("Nguyễn Văn An");
        assertThat(MemberSheets.read(file.body()).get("Thông tin").toString()).contains("nguyen van an");

        Reply refused = ApiClient.as(port, "hn.tochuc").get("/api/v1/members/export?q=" + "a".repeat(300));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("member.search.tooLong");
    }

    // --- import

    @Test
    void aFilledTemplateImportsItsMembersWithTheirSourceHistoryAndAudit() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        HttpResponse<byte[]> template = MemberSheets.download(port, hn, "/api/v1/members/import/template");
        Map<String, List<List<String>>> sheets = MemberSheets.read(template.body());
        assertThat(sheets).containsKeys("Đảng viên", "Hướng dẫn", "Chi bộ");
        assertThat(sheets.get("Hướng dẫn").toString()).contains("Kinh", "Lý luận chính trị", "Tôn giáo");
        long hangBac = cell("Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(sheets.get("Chi bộ").toString()).contains(String.valueOf(hangBac), "Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(sheets.get("Chi bộ").toString()).doesNotContain("Chi bộ Khu phố Nguyễn Huệ");

        List<String> headers = sheets.get("Đảng viên").get(0);
        String cid1 = MemberTestData.citizenId(1980);
        String cid2 = MemberTestData.citizenId(1980);
        Map<String, String> second = MemberSheets.member(hangBac, "Lê Thị Mẫu Hai", cid2);
        second.put("Giới tính", "Nữ");
        second.put("Số căn cước công dân", "001" + "1" + cid2.substring(4)); // a woman born in the 1900s
        second.put("Trạng thái", "Dự bị");
        second.remove("Ngày chính thức");
        byte[] file = MemberSheets.sheet(
                headers,
                List.of(
                        MemberSheets.row(headers, MemberSheets.member(hangBac, "Lê Văn Mẫu Một", cid1)),
                        MemberSheets.row(headers, second)));
        long creates = data().auditCount("CREATE", "hn.tochuc");

        Reply reply = MemberSheets.upload(hn, "mau.xlsx", MemberSheets.XLSX, file, "all");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.<String>json("$.status")).isEqualTo("DONE");
        assertThat(reply.<Integer>json("$.rowsRead")).isEqualTo(2);
        assertThat(reply.<Integer>json("$.rowsImported")).isEqualTo(2);
        Map<String, Object> one = jdbc.sql("""
                SELECT status, source_identity, source_party, cell_id FROM member.member WHERE citizen_id = :cid
                """).param("cid", cid1).query().singleRow();
        assertThat(one)
                .containsEntry("status", "OFFICIAL")
                .containsEntry("source_identity", "OPERATIONAL_SOFTWARE")
                .containsEntry("source_party", "OPERATIONAL_SOFTWARE")
                .containsEntry("cell_id", hangBac);
        long id = data().idByName("Lê Văn Mẫu Một");
        assertThat(jdbc.sql("SELECT count(*) FROM member.membership WHERE member_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2); // probationary, then official
        assertThat(jdbc.sql("SELECT status FROM member.member WHERE full_name = 'Lê Thị Mẫu Hai'")
                        .query(String.class)
                        .single())
                .isEqualTo("PROBATIONARY");
        // P-AU-1: a CREATE per member with its values, and the IMPORT of the file.
        assertThat(data().auditCount("CREATE", "hn.tochuc")).isEqualTo(creates + 2);
        String created = jdbc.sql("""
                SELECT changes::text FROM audit.event WHERE action = 'CREATE' AND target_type = 'member'
                   AND target_id = :id
                """)
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(created).contains("Lê Văn Mẫu Một", cid1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.event WHERE action = 'IMPORT' AND target_id = :job
                        """)
                        .param("job", String.valueOf(reply.<Integer>json("$.id")))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The record reads back through the API like any other.
        assertThat(hn.get("/api/v1/members/" + id).<String>json("$.fields.citizenId"))
                .isEqualTo(cid1);
    }

    @Test
    void allOrNothingImportsNothingWhenOneRowIsBadAndValidRowsImportsTheRest() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<String> headers = headers(hn);
        long hangDao = cell("Chi bộ Tổ dân phố Hàng Đào");
        Map<String, String> bad = MemberSheets.member(hangDao, "Phạm Văn Sai Số", "12345");
        Map<String, String> textDate =
                MemberSheets.member(hangDao, "Phạm Văn Chữ Ngày", MemberTestData.citizenId(1980));
        textDate.put("Ngày sinh", "năm tám mươi");
        byte[] file = MemberSheets.sheet(
                headers,
                List.of(
                        MemberSheets.row(
                                headers,
                                MemberSheets.member(hangDao, "Phạm Văn Tất Cả", MemberTestData.citizenId(1980))),
                        MemberSheets.row(headers, bad),
                        MemberSheets.row(headers, textDate),
                        MemberSheets.row(
                                headers,
                                MemberSheets.member(hangDao, "Phạm Văn Hợp Lệ", MemberTestData.citizenId(1980)))));
        long members = data().memberCount();
        long memberships = data().membershipCount();

        Reply all = MemberSheets.upload(hn, "mot-dong-loi.xlsx", MemberSheets.XLSX, file, "all");

        assertThat(all.status()).as("%s", all).isEqualTo(422);
        assertThat(all.<String>json("$.code")).isEqualTo("member.import.rowsInvalid");
        assertThat(all.<Integer>json("$.rowsImported")).isZero();
        assertThat(all.<Integer>json("$.rowsInvalid")).isEqualTo(2);
        assertThat(data().memberCount()).isEqualTo(members);
        assertThat(data().membershipCount()).isEqualTo(memberships);
        // Excel's own row numbers (the header is row 1), the column, the value and the reason.
        assertThat(all.<List<Integer>>json("$.errors[?(@.code == 'member.citizenId.invalid')].row"))
                .containsExactly(3);
        assertThat(all.<List<String>>json("$.errors[?(@.row == 3)].column")).contains("Số căn cước công dân");
        assertThat(all.<List<String>>json("$.errors[?(@.row == 3)].value")).contains("12345");
        assertThat(all.<List<String>>json("$.errors[?(@.row == 4)].code")).contains("member.date.invalid");
        assertThat(all.<List<String>>json("$.errors[?(@.row == 4)].message"))
                .anySatisfy(m -> assertThat(m).contains("Ngày sinh không phải là một ngày hợp lệ"));

        Reply valid = MemberSheets.upload(hn, "mot-dong-loi.xlsx", MemberSheets.XLSX, file, "valid");

        assertThat(valid.status()).as("%s", valid).isEqualTo(200);
        assertThat(valid.<Integer>json("$.rowsImported")).isEqualTo(2);
        assertThat(valid.<Integer>json("$.rowsInvalid")).isEqualTo(2);
        assertThat(data().memberCount()).isEqualTo(members + 2);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM member.member WHERE full_name IN ('Phạm Văn Tất Cả', 'Phạm Văn Hợp Lệ')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM member.member WHERE full_name LIKE 'Phạm Văn Sai Số'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void duplicatesAgainstTheDatabaseAndWithinTheFileAreReportedAndOtherScopesCellsRefused() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<String> headers = headers(hn);
        long hangDao = cell("Chi bộ Tổ dân phố Hàng Đào");
        String shared = MemberTestData.citizenId(1980);
        Map<String, String> sameCccdAsAn = MemberSheets.member(hangDao, "Đỗ Văn Trùng Căn Cước", "001078001945");
        sameCccdAsAn.put("Ngày sinh", "02/09/1978");
        Map<String, String> anAgain = MemberSheets.member(hangDao, "Nguyễn Văn An", MemberTestData.citizenId(1978));
        anAgain.put("Ngày sinh", "02/09/1978");
        anAgain.put("Ngày vào Đảng", "26/03/2004");
        anAgain.put("Ngày chính thức", "26/03/2005");
        Map<String, String> foreignCell =
                MemberSheets.member(cell("Chi bộ Khu phố 1"), "Đỗ Văn Ngoài Phạm Vi", MemberTestData.citizenId(1980));
        byte[] file = MemberSheets.sheet(
                headers,
                List.of(
                        MemberSheets.row(headers, sameCccdAsAn),
                        MemberSheets.row(headers, MemberSheets.member(hangDao, "Đỗ Văn Một", shared)),
                        MemberSheets.row(headers, MemberSheets.member(hangDao, "Đỗ Văn Hai", shared)),
                        MemberSheets.row(headers, anAgain),
                        MemberSheets.row(headers, foreignCell)));
        long members = data().memberCount();

        Reply reply = MemberSheets.upload(hn, "trung.xlsx", MemberSheets.XLSX, file, "valid");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.<Integer>json("$.rowsImported")).isZero();
        assertThat(reply.<Integer>json("$.rowsInvalid")).isEqualTo(5);
        assertThat(reply.<List<Integer>>json("$.errors[?(@.code == 'member.citizenId.duplicate')].row"))
                .containsExactly(2);
        assertThat(reply.<List<Integer>>json("$.errors[?(@.code == 'member.import.duplicateInFile')].row"))
                .containsExactlyInAnyOrder(3, 4);
        assertThat(reply.<List<Integer>>json("$.errors[?(@.code == 'member.import.sameNameAndBirth')].row"))
                .containsExactly(5);
        assertThat(reply.<List<Integer>>json("$.errors[?(@.code == 'member.import.cellNotWritable')].row"))
                .containsExactly(6);
        assertThat(data().memberCount()).isEqualTo(members);
    }

    @Test
    void eachBadFileIsRefusedWithItsCodeAndLeavesNothing() throws Exception {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<String> headers = headers(hn);
        long hangDao = cell("Chi bộ Tổ dân phố Hàng Đào");
        long members = data().memberCount();
        long imports = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'IMPORT'")
                .query(Long.class)
                .single();
        List<List<String>> oneRow = List.of(MemberSheets.row(
                headers, MemberSheets.member(hangDao, "Vũ Văn Tệp Lỗi", MemberTestData.citizenId(1980))));

        // Wrong columns.
        assertRefused(
                MemberSheets.upload(
                        hn,
                        "cot.xlsx",
                        MemberSheets.XLSX,
                        MemberSheets.sheet(List.of("Tên", "Tuổi"), List.of(List.of("An", "40"))),
                        "all"),
                "member.import.unknownColumn");
        assertRefused(
                MemberSheets.upload(
                        hn,
                        "thieu.xlsx",
                        MemberSheets.XLSX,
                        MemberSheets.sheet(List.of("Mã chi bộ", "Họ và tên khai sinh"), List.of()),
                        "all"),
                "member.import.missingColumn");
        // Merged cells.
        assertRefused(
                MemberSheets.upload(
                        hn,
                        "gop.xlsx",
                        MemberSheets.XLSX,
                        MemberSheets.sheet(
                                headers, oneRow, ws -> ws.range(3, 0, 3, 3).merge()),
                        "all"),
                "member.import.mergedCells");
        // A formula.
        assertRefused(
                MemberSheets.upload(
                        hn,
                        "congthuc.xlsx",
                        MemberSheets.XLSX,
                        MemberSheets.sheet(headers, oneRow, ws -> ws.formula(1, 40, "1+1")),
                        "all"),
                "member.import.formula");
        // Not an .xlsx: a Windows program renamed, with the spreadsheet's type.
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(MemberSheets.upload(hn, "danhsach.xlsx", MemberSheets.XLSX, exe, "all"), "member.import.notXlsx");
        assertRefused(
                MemberSheets.upload(hn, "danhsach.exe", "application/x-msdownload", exe, "all"),
                "member.import.notXlsx");
        // A zip bomb: a few hundred kilobytes that inflate to half a gigabyte.
        assertRefused(
                MemberSheets.upload(hn, "bom.xlsx", MemberSheets.XLSX, zipBomb(), "all"),
                "member.import.expandsTooMuch");
        // 200 MB: refused from its declared length, before anything reads the body (none is sent).
        String refusal = declareTwoHundredMegabytes(hn.token());
        assertThat(refusal).startsWith("HTTP/1.1 413").contains("\"code\":\"member.import.tooLarge\"", "20 MB");

        assertThat(data().memberCount()).isEqualTo(members);
        // Each readable refusal is on record (IMPORT with the reason); the 413 never reached the import.
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'IMPORT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(imports + 6);
    }

    @Test
    void fiftyThousandBlankRowsAfterTheDataAreSkippedQuickly() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        List<String> headers = headers(hn);
        long hangDao = cell("Chi bộ Tổ dân phố Hàng Đào");
        byte[] file = MemberSheets.sheet(
                headers,
                List.of(MemberSheets.row(
                        headers, MemberSheets.member(hangDao, "Vũ Văn Dòng Trống", MemberTestData.citizenId(1980)))),
                ws -> {
                    for (int r = 2; r < 50_002; r++) {
                        ws.style(r, 0).fillColor("FFFFFF").set(); // a formatted, empty row
                    }
                });
        long start = System.nanoTime();
        Reply reply = MemberSheets.upload(hn, "trong.xlsx", MemberSheets.XLSX, file, "all");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.<Integer>json("$.rowsRead")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.rowsImported")).isEqualTo(1);
        assertThat(millis).as("50,000 blank rows in %d ms", millis).isLessThan(20_000);
    }

    @Test
    void theImportPageUploadsInTheBackgroundAndShowsTheErrors() throws Exception {
        PageSession page = PageSession.login(port, "hn.tochuc");
        assertThat(page.get("/members/import").body()).contains("Tải tệp mẫu", "Chỉ nhập các dòng hợp lệ");
        List<String> headers = headers(ApiClient.as(port, "hn.tochuc"));
        byte[] file = MemberSheets.sheet(
                headers,
                List.of(MemberSheets.row(
                        headers,
                        MemberSheets.member(cell("Chi bộ Tổ dân phố Hàng Đào"), "Vũ Văn Trang Lỗi", "001080"))));
        PageSession.Page uploaded = page.postMultipart(
                "/members/import",
                new vn.partywork.web.Multipart()
                        .field("mode", "valid")
                        .field("source", "DIGITISED_PAPER")
                        .file("file", "trang.xlsx", MemberSheets.XLSX, file));
        assertThat(uploaded.status()).isEqualTo(302);
        String job = uploaded.location().replaceAll(".*/members/import/", "");
        String body = "";
        for (int i = 0; i < 100 && !body.contains("import-errors"); i++) {
            Thread.sleep(200);
            body = page.get("/members/import/" + job + "/status").body();
        }
        assertThat(body).contains("Số căn cước công dân phải gồm 12 chữ số", "Tải báo cáo lỗi");
        HttpResponse<byte[]> report = page.download("/members/import/" + job + "/errors.xlsx");
        assertThat(MemberSheets.read(report.body()).get("Lỗi").toString())
                .contains("Số căn cước công dân", "001080", "member.citizenId.invalid");
        // Another account does not see the job.
        assertThat(PageSession.login(port, "hcm.tochuc")
                        .get("/members/import/" + job)
                        .status())
                .isEqualTo(404);
        // A file that is none: the form says so.
        PageSession.Page refused = page.postMultipart(
                "/members/import",
                new vn.partywork.web.Multipart()
                        .field("mode", "all")
                        .field("source", "DIGITISED_PAPER")
                        .file("file", "x.exe", "application/x-msdownload", "MZ".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("không phải là tệp Excel .xlsx hợp lệ");
    }

    /** A request that announces a 200 MB upload and sends only its headers; returns the raw answer. */
    private String declareTwoHundredMegabytes(String token) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String request = "POST /api/v1/members/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\n"
                    + "Content-Length: " + (200L * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // the answer so far is what there is
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(Reply reply, String code) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.code()).as("%s", reply).isEqualTo(code);
        assertThat(reply.message()).isNotBlank().doesNotContain("{0}");
    }

    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 500; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static List<String> copy(List<String> list) {
        return new ArrayList<>(list);
    }
}
