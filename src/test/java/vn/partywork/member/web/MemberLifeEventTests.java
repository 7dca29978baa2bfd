package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.Multipart;
import vn.partywork.web.PageSession;

/**
 * M-4 life events through the API, on the real database: each with its decision, the membership as
 * of a date before and after it, the deciding level, refusals that leave nothing behind, transfers of
 * every kind, the rejected admission and the dossier's files.
 */
@PartyworkTest
class MemberLifeEventTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final LocalDate TODAY = DemoOrgs.today();

    static String decision(String number) {
        return """
                {"number": "%s", "date": "%s", "issuer": "Thành ủy Hà Nội"}""".formatted(number, TODAY.minusDays(20));
    }

    static String event(String kind, LocalDate effective, String extra) {
        return """
                {"kind": "%s", "decision": %s, "effectiveOn": "%s" %s}""".formatted(kind, decision("7-QĐ/" + kind), effective, extra);
    }

    /**
     * Ids of the members of the organisation as of the day whose name is exactly {@code name} (without
     * accents): the search is typo-tolerant, so demo members with a similar name are left out.
     */
    List<Integer> idsAsOf(ApiClient api, long org, String name, LocalDate day) {
        ApiClient.Reply reply =
                api.get("/api/v1/members?org=" + org + "&q=" + name.replace(" ", "%20") + "&asOf=" + day);
        List<Integer> ids = reply.json("$.items[*].id");
        List<String> names = reply.json("$.items[*].fullName");
        List<Integer> exact = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (plain(names.get(i)).equals(plain(name))) {
                exact.add(ids.get(i));
            }
        }
        return exact;
    }

    private static String plain(String text) {
        return java.text.Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    long memberships(long id) {
        return jdbc.sql("SELECT count(*) FROM member.membership WHERE member_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void aDeathEndsTheMembershipOnItsDayAndTheMemberCountsBeforeItOnly() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long id = MemberTestData.create(staff, hangDao, "Lê Văn Từ Trần");
        LocalDate died = TODAY.minusDays(10);

        // Impossible dates are refused and leave nothing behind.
        Reply future = staff.post("/api/v1/members/" + id + "/events", event("DEATH", TODAY.plusDays(1), ""));
        assertThat(future.code()).isEqualTo("member.date.inFuture");
        assertThat(future.message()).contains("Ngày hiệu lực");
        Reply beforeAdmission =
                staff.post("/api/v1/members/" + id + "/events", event("DEATH", LocalDate.of(2001, 1, 1), ""));
        assertThat(beforeAdmission.status()).isEqualTo(400);
        assertThat(beforeAdmission.code()).isEqualTo("member.event.beforeAdmission");
        assertThat(beforeAdmission.message()).isEqualTo("Ngày hiệu lực phải sau ngày vào Đảng (05/05/2005).");
        assertThat(staff.get("/api/v1/members/" + id + "/events").body()).isEqualTo("[]");

        Reply death =
                staff.post("/api/v1/members/" + id + "/events", event("DEATH", died, ", \"note\": \"Bệnh nặng\""));
        assertThat(death.status()).as("%s", death).isEqualTo(201);
        assertThat(death.<String>json("$.newStatus")).isEqualTo("DECEASED");
        assertThat(death.<String>json("$.oldStatus")).isEqualTo("OFFICIAL");

        assertThat(idsAsOf(staff, hangDao, "le van tu tran", died.minusDays(1))).containsExactly((int) id);
        assertThat(idsAsOf(staff, hangDao, "le van tu tran", died)).isEmpty();
        assertThat(staff.get("/api/v1/members?q=le%20van%20tu%20tran").<List<Integer>>json("$.items[*].id"))
                .doesNotContain((int) id);
        assertThat(staff.get("/api/v1/members?q=le%20van%20tu%20tran&status=DECEASED")
                        .<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) id);
        Reply record = staff.get("/api/v1/members/" + id);
        assertThat(record.<String>json("$.status")).isEqualTo("DECEASED");
        assertThat(record.<Boolean>json("$.canEditParty")).isFalse();
        assertThat(staff.get("/api/v1/members/" + id + "/history").<String>json("$[0].validTo"))
                .isEqualTo(died.toString());

        // Nothing more happens to an ended membership.
        Reply again = staff.post("/api/v1/members/" + id + "/events", event("REMOVAL", TODAY, ""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("member.notActive");
        String changes = jdbc.sql("""
                SELECT changes::text FROM audit.event
                 WHERE target_type = 'member' AND target_id = :id AND basis LIKE 'Quyết định số 7-QĐ/DEATH%'
                """)
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(changes).contains("\"OFFICIAL\"", "\"DECEASED\"", died.toString());
    }

    @Test
    void removalIsDecidedAboveTheGrassrootsAndExpulsionAndLeavingEndTheMembershipToo() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long removed = MemberTestData.create(staff, hangBac, "Trần Văn Xóa Tên");
        long expelled = MemberTestData.create(staff, hangBac, "Trần Văn Khai Trừ");
        long left = MemberTestData.create(staff, hangBac, "Trần Văn Ra Đảng");

        // The cell does not decide a removal: the upper-grassroots committee (here the city) does.
        Reply byCell = secretary.post("/api/v1/members/" + removed + "/events", event("REMOVAL", TODAY, ""));
        assertThat(byCell.status()).isEqualTo(403);
        assertThat(byCell.code()).isEqualTo("member.event.notAuthorised");
        assertThat(byCell.message()).contains("cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng");
        assertThat(secretary.get("/api/v1/members/" + removed).<String>json("$.status"))
                .isEqualTo("OFFICIAL");

        LocalDate day = TODAY.minusDays(3);
        assertThat(staff.post("/api/v1/members/" + removed + "/events", event("REMOVAL", day, ""))
                        .<String>json("$.newStatus"))
                .isEqualTo("REMOVED");
        assertThat(staff.post("/api/v1/members/" + expelled + "/events", event("EXPULSION", day, ""))
                        .<String>json("$.newStatus"))
                .isEqualTo("EXPELLED");
        assertThat(staff.post("/api/v1/members/" + left + "/events", event("LEAVING", day, ""))
                        .<String>json("$.newStatus"))
                .isEqualTo("LEFT");
        for (long id : List.of(removed, expelled, left)) {
            assertThat(idsAsOf(
                            staff, hangBac, staff.get("/api/v1/members/" + id).json("$.fields.fullName"), day))
                    .doesNotContain((int) id);
            assertThat(idsAsOf(
                            staff,
                            hangBac,
                            staff.get("/api/v1/members/" + id).json("$.fields.fullName"),
                            day.minusDays(1)))
                    .contains((int) id);
        }
    }

    @Test
    void anExemptionHasAPeriodKeepsTheMemberCountedAndDoesNotOverlap() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long id = MemberTestData.create(ApiClient.as(port, "hn.tochuc"), hangBac, "Phạm Văn Miễn Sinh Hoạt");
        LocalDate from = TODAY.minusDays(30);

        Reply backwards = secretary.post(
                "/api/v1/members/" + id + "/events",
                event("EXEMPTION", from, ", \"endsOn\": \"%s\"".formatted(from.minusDays(1))));
        assertThat(backwards.code()).isEqualTo("member.event.endBeforeStart");
        Reply exemption = secretary.post(
                "/api/v1/members/" + id + "/events",
                event("EXEMPTION", from, ", \"endsOn\": \"%s\"".formatted(from.plusYears(1))));
        assertThat(exemption.status()).as("%s", exemption).isEqualTo(201);
        assertThat(exemption.<String>json("$.newStatus")).isEqualTo("OFFICIAL");
        Reply overlap = secretary.post("/api/v1/members/" + id + "/events", event("EXEMPTION", from.plusDays(5), ""));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.code()).isEqualTo("member.exemption.overlap");
        assertThat(idsAsOf(secretary, hangBac, "pham van mien sinh hoat", TODAY))
                .containsExactly((int) id);
    }

    @Test
    void aPartyBadgeNeedsItsYearsOfPartyAgeAndIsAwardedOnceByTheProvince() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long veteran = staff.post(
                        "/api/v1/members",
                        MemberTestData.body(
                                hangBac,
                                "Nguyễn Văn Lão Thành",
                                MemberTestData.citizenId(1950),
                                LocalDate.of(1950, 3, 3),
                                LocalDate.of(1975, 4, 30),
                                LocalDate.of(1976, 4, 30)))
                .id();
        long young = MemberTestData.create(staff, hangBac, "Nguyễn Văn Tuổi Trẻ");

        Reply notReached =
                staff.post("/api/v1/members/" + young + "/events", event("BADGE", TODAY, ", \"badgeYears\": 30"));
        assertThat(notReached.code()).isEqualTo("member.badge.notReached");
        assertThat(notReached.message()).contains("05/05/2035");
        Reply notAMilestone =
                staff.post("/api/v1/members/" + veteran + "/events", event("BADGE", TODAY, ", \"badgeYears\": 35"));
        assertThat(notAMilestone.code()).isEqualTo("member.badge.milestone");
        Reply bySecretary = ApiClient.as(port, "bithu.demo")
                .post("/api/v1/members/" + veteran + "/events", event("BADGE", TODAY, ", \"badgeYears\": 50"));
        assertThat(bySecretary.code()).isEqualTo("member.event.notAuthorised");

        Reply badge =
                staff.post("/api/v1/members/" + veteran + "/events", event("BADGE", TODAY, ", \"badgeYears\": 50"));
        assertThat(badge.status()).as("%s", badge).isEqualTo(201);
        assertThat(staff.get("/api/v1/members/" + veteran).<String>json("$.fields.partyBadge"))
                .startsWith("Huy hiệu 50 năm tuổi Đảng");
        Reply twice =
                staff.post("/api/v1/members/" + veteran + "/events", event("BADGE", TODAY, ", \"badgeYears\": 45"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("member.badge.alreadyAwarded");
    }

    @Test
    void aTransferBetweenProvincesIsSeenByBothSidesInTransitAndAcceptedByTheReceivingProvinceOnce() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long khuPho1 = orgs.id("Chi bộ Khu phố 1");
        ApiClient hanoi = ApiClient.as(port, "hn.tochuc");
        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        long id = MemberTestData.create(hanoi, hangDao, "Võ Văn Vào Nam");
        assertThat(hcm.get("/api/v1/members/" + id).status()).isEqualTo(404);

        Reply notACell = hanoi.post(
                "/api/v1/members/" + id + "/transfers",
                "{\"toCellId\": %d, \"decision\": %s}".formatted(orgs.id("Đảng bộ phường Bến Thành"), decision("1")));
        assertThat(notACell.code()).isEqualTo("member.transfer.notCell");
        Reply gone = hanoi.post(
                "/api/v1/members/" + id + "/transfers",
                "{\"toCellId\": 987654321, \"decision\": %s}".formatted(decision("1")));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("member.transfer.destinationNotFound");
        // Out of the province the grassroots cannot issue: the city's organisation department does.
        Reply byCell = ApiClient.as(port, "danguy.hoankiem")
                .post(
                        "/api/v1/members/" + id + "/transfers",
                        "{\"toCellId\": %d, \"decision\": %s}".formatted(khuPho1, decision("1")));
        assertThat(byCell.status()).isIn(403);

        Reply issued = hanoi.post(
                "/api/v1/members/" + id + "/transfers",
                "{\"toCellId\": %d, \"decision\": %s}".formatted(khuPho1, decision("88-GGT/BTCTU")));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        assertThat(issued.<Boolean>json("$.betweenProvinces")).isTrue();
        long transfer = issued.id();

        // In transit: in Hàng Đào only, seen by both provinces, listed on both sides.
        assertThat(hcm.get("/api/v1/members/" + id).<Integer>json("$.cellId")).isEqualTo((int) hangDao);
        assertThat(hanoi.get("/api/v1/members/" + id).status()).isEqualTo(200);
        assertThat(hcm.get("/api/v1/members/transfers").<List<Integer>>json("$.incoming[*].id"))
                .contains((int) transfer);
        assertThat(hanoi.get("/api/v1/members/transfers").<List<Integer>>json("$.outgoing[*].id"))
                .contains((int) transfer);
        assertThat(idsAsOf(hanoi, hangDao, "vo van vao nam", TODAY)).containsExactly((int) id);

        // The receiving cell's secretary in Hà Nội terms is not the receiving province.
        String accept = "{\"version\": %d}".formatted(issued.<Integer>json("$.version"));
        assertThat(hanoi.post("/api/v1/members/transfers/" + transfer + "/accept", accept)
                        .status())
                .isEqualTo(404);
        Reply accepted = hcm.post("/api/v1/members/transfers/" + transfer + "/accept", accept);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        Reply twice = hcm.post("/api/v1/members/transfers/" + transfer + "/accept", accept);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("member.transfer.alreadyAccepted");

        assertThat(hanoi.get("/api/v1/members/" + id).status()).isEqualTo(404);
        assertThat(hcm.get("/api/v1/members/" + id).<Integer>json("$.cellId")).isEqualTo((int) khuPho1);
        // Never in two cells at once: one open membership row, in the new cell from today.
        Integer open = jdbc.sql("""
                SELECT count(*) FROM member.membership WHERE member_id = :id AND valid_to = 'infinity'
                """).param("id", id).query(Integer.class).single();
        assertThat(open).isEqualTo(1);
        assertThat(idsAsOf(hcm, khuPho1, "vo van vao nam", TODAY)).containsExactly((int) id);
        assertThat(idsAsOf(hcm, khuPho1, "vo van vao nam", TODAY.minusDays(1))).isEmpty();
        assertThat(memberships(id)).isEqualTo(3);
    }

    @Test
    void aTemporaryTransferKeepsTheHomeCellAndEndsWithTheReturn() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long id = MemberTestData.create(staff, hangDao, "Đỗ Văn Tạm Thời");

        String body = "{\"toCellId\": %d, \"temporary\": true, \"decision\": %s%s}";
        Reply noEnd = staff.post("/api/v1/members/" + id + "/transfers", body.formatted(hangBac, decision("3"), ""));
        assertThat(noEnd.code()).isEqualTo("member.transfer.untilRequired");
        Reply issued = staff.post(
                "/api/v1/members/" + id + "/transfers",
                body.formatted(hangBac, decision("3-GGT"), ", \"until\": \"%s\"".formatted(TODAY.plusMonths(6))));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        long transfer = issued.id();
        Reply accepted = secretary.post(
                "/api/v1/members/transfers/" + transfer + "/accept",
                "{\"version\": %d}".formatted(issued.<Integer>json("$.version")));
        assertThat(accepted.<String>json("$.status")).as("%s", accepted).isEqualTo("ACCEPTED");

        // The home cell stays the official one; the temporary cell sees the member meanwhile.
        assertThat(secretary.get("/api/v1/members/" + id).<Integer>json("$.cellId"))
                .isEqualTo((int) hangDao);
        assertThat(idsAsOf(staff, hangDao, "do van tam thoi", TODAY)).containsExactly((int) id);
        assertThat(idsAsOf(staff, hangBac, "do van tam thoi", TODAY)).isEmpty();
        assertThat(staff.post(
                                "/api/v1/members/" + id + "/transfers",
                                body.formatted(
                                        hangBac, decision("4"), ", \"until\": \"%s\"".formatted(TODAY.plusMonths(1))))
                        .code())
                .isEqualTo("member.transfer.open");

        Reply back = secretary.post(
                "/api/v1/members/transfers/" + transfer + "/return",
                "{\"version\": %d}".formatted(accepted.<Integer>json("$.version")));
        assertThat(back.<String>json("$.status")).as("%s", back).isEqualTo("RETURNED");
        assertThat(secretary.get("/api/v1/members/" + id).status()).isEqualTo(404);
        Reply again = staff.post(
                "/api/v1/members/transfers/" + transfer + "/return",
                "{\"version\": %d}".formatted(back.<Integer>json("$.version")));
        assertThat(again.code()).isEqualTo("member.transfer.notTemporaryActive");
        assertThat(memberships(id)).isEqualTo(2);
    }

    @Test
    void aRejectedAdmissionLeavesTheRecordNotAdmittedAndOutOfTheSearch() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        String body = MemberTestData.body(
                        hangBac,
                        "Hoàng Văn Không Kết Nạp",
                        MemberTestData.citizenId(1998),
                        LocalDate.of(1998, 8, 8),
                        TODAY.minusMonths(1),
                        null)
                .replace("\"cellId\"", "\"admission\": true, \"cellId\"");
        Reply created = ApiClient.as(port, "tw.tochuc").post("/api/v1/members", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.id();
        long request = created.<Number>json("$.admissionRequestId").longValue();
        int version = secretary.get("/api/v1/approvals/" + request).json("$.summary.version");
        Reply rejected = secretary.post(
                "/api/v1/approvals/" + request + "/act",
                "{\"action\": \"REJECT\", \"comment\": \"Chưa đủ tiêu chuẩn\", \"version\": %d}".formatted(version));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(secretary.get("/api/v1/members/" + id).<String>json("$.status"))
                                .isEqualTo("NOT_ADMITTED"));
        assertThat(secretary
                        .get("/api/v1/members?q=hoang%20van%20khong%20ket%20nap")
                        .<List<Integer>>json("$.items[*].id"))
                .doesNotContain((int) id);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.event WHERE target_type = 'member' AND target_id = :id
                           AND changes::text LIKE '%NOT_ADMITTED%' AND basis LIKE '%Chưa đủ tiêu chuẩn%'
                        """)
                        .param("id", String.valueOf(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void filesAttachedToARecordAreListedDownloadedWithAnAuditedReadAndHiddenOutsideTheScope() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long id = MemberTestData.create(staff, hangBac, "Bùi Văn Hồ Sơ");
        byte[] pdf = SampleFiles.pdf("quyết định " + System.nanoTime());

        Reply notAllowed = ApiClient.as(port, "danguy.hoankiem")
                .postMultipart(
                        "/api/v1/members/" + id + "/documents",
                        new Multipart().file("file", "qd.pdf", "application/pdf", pdf));
        assertThat(notAllowed.status()).isEqualTo(403);
        Reply wrongType = staff.postMultipart(
                "/api/v1/members/" + id + "/documents",
                new Multipart().file("file", "qd.pdf", "application/pdf", "not a pdf".getBytes()));
        assertThat(wrongType.code()).isEqualTo("document.type.notAllowed");
        Reply stored = staff.postMultipart(
                "/api/v1/members/" + id + "/documents",
                new Multipart().file("file", "quyet-dinh-ket-nap.pdf", "application/pdf", pdf));
        assertThat(stored.status()).as("%s", stored).isEqualTo(201);
        long document = stored.id();

        assertThat(staff.get("/api/v1/members/" + id + "/documents").<List<String>>json("$[*].originalName"))
                .containsExactly("quyet-dinh-ket-nap.pdf");
        Reply download = ApiClient.as(port, "bithu.demo").get("/api/v1/documents/" + document);
        assertThat(download.status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.event WHERE target_type = 'document' AND target_id = :id
                           AND action = 'READ' AND actor_identifier = 'bithu.demo'
                        """)
                        .param("id", String.valueOf(document))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        assertThat(hcm.get("/api/v1/documents/" + document).status()).isEqualTo(404);
        assertThat(hcm.get("/api/v1/members/" + id + "/documents").status()).isEqualTo(404);
    }

    @Test
    void aWithdrawnAdmissionLeavesTheRecordNotAdmitted() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient central = ApiClient.as(port, "tw.tochuc");
        String body = MemberTestData.body(
                        hangBac,
                        "Hoàng Văn Rút Phiếu",
                        MemberTestData.citizenId(1997),
                        LocalDate.of(1997, 7, 7),
                        TODAY.minusMonths(1),
                        null)
                .replace("\"cellId\"", "\"admission\": true, \"cellId\"");
        Reply created = central.post("/api/v1/members", body);
        long id = created.id();
        long request = created.<Number>json("$.admissionRequestId").longValue();
        int version = central.get("/api/v1/approvals/" + request).json("$.summary.version");
        Reply withdrawn = central.post(
                "/api/v1/approvals/" + request + "/withdraw",
                "{\"version\": %d, \"comment\": \"Nhập nhầm\"}".formatted(version));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(central.get("/api/v1/members/" + id).<String>json("$.status"))
                                .isEqualTo("NOT_ADMITTED"));
        assertThat(central.get("/api/v1/members/" + id + "/history").body()).isEqualTo("[]");
        Reply event = central.post("/api/v1/members/" + id + "/events", event("DEATH", TODAY, ""));
        assertThat(event.code()).isEqualTo("member.notActive");
    }

    @Test
    void partyDataIsEnteredOnlyAtTheLevelThatDecidesIt() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long id = MemberTestData.create(staff, hangBac, "Đặng Văn Thẩm Quyền");
        int version = secretary.get("/api/v1/members/" + id).json("$.version");
        String put = "{\"version\": %d, \"fields\": {\"%s\": \"%s\"}}";

        // The cell keeps its members' awards, but the party card is the upper-grassroots committee's.
        Reply card =
                secretary.send("PUT", "/api/v1/members/" + id, put.formatted(version, "partyCardNumber", "55501234"));
        assertThat(card.status()).isEqualTo(403);
        assertThat(card.code()).isEqualTo("member.field.notAuthorised");
        assertThat(card.message())
                .startsWith("Số thẻ đảng viên do cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng quyết định");
        Reply discipline =
                secretary.send("PUT", "/api/v1/members/" + id, put.formatted(version, "discipline", "Khiển trách"));
        assertThat(discipline.code()).isEqualTo("member.field.notAuthorised");
        Reply badge =
                secretary.send("PUT", "/api/v1/members/" + id, put.formatted(version, "partyBadge", "Huy hiệu 30 năm"));
        assertThat(badge.code()).isEqualTo("member.field.notAuthorised");
        Reply awards =
                secretary.send("PUT", "/api/v1/members/" + id, put.formatted(version, "awards", "Giấy khen 2025"));
        assertThat(awards.status()).as("%s", awards).isEqualTo(200);
        assertThat(awards.body()).doesNotContain("55501234");

        Reply byCity = staff.send(
                "PUT",
                "/api/v1/members/" + id,
                put.formatted(awards.<Integer>json("$.version"), "partyCardNumber", "55501234"));
        assertThat(byCity.status()).as("%s", byCity).isEqualTo(200);
        assertThat(byCity.<String>json("$.fields.partyCardNumber")).isEqualTo("55501234");
    }

    @Test
    void thePartyDataFormShowsFieldsDecidedByAnotherLevelReadOnly() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        Reply created = ApiClient.as(port, "hn.tochuc")
                .post(
                        "/api/v1/members",
                        MemberTestData.body(
                                hangBac,
                                "Lạc Văn Chỉ Đọc",
                                MemberTestData.citizenId(1990),
                                LocalDate.of(1990, 3, 3),
                                TODAY.minusMonths(3),
                                null));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.id();

        // M-6: the secretary sees the party card (upper-grassroots) read-only with who enters it, awards
        // editable, and cannot confirm the probationary member as official (the upper level decides it).
        String secretaryForm = PageSession.login(port, "bithu.demo")
                .get("/members/" + id + "/party")
                .body();
        assertThat(inputTag(secretaryForm, "partyCardNumber")).contains("readonly");
        assertThat(secretaryForm)
                .contains("id=\"partyCardNumber-locked\"")
                .contains("Do cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng nhập")
                .contains("Do cấp ủy tỉnh, thành phố nhập");
        assertThat(inputTag(secretaryForm, "awards")).doesNotContain("readonly");
        assertThat(secretaryForm).doesNotContain("value=\"OFFICIAL\"");

        String cityForm = PageSession.login(port, "hn.tochuc")
                .get("/members/" + id + "/party")
                .body();
        assertThat(inputTag(cityForm, "partyCardNumber")).doesNotContain("readonly");
        assertThat(cityForm).doesNotContain("-locked\"").contains("value=\"OFFICIAL\"");
    }

    /** The opening tag of the form control named {@code name}. */
    private static String inputTag(String html, String name) {
        int at = html.indexOf("name=\"" + name + "\"");
        assertThat(at).as("control %s", name).isPositive();
        int start = Math.max(html.lastIndexOf("<input", at), html.lastIndexOf("<textarea", at));
        return html.substring(start, html.indexOf('>', at) + 1);
    }

    @Test
    void theSendingSideTakesBackATransferInTransitAndTheMemberStaysWhereTheyWere() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long id = MemberTestData.create(staff, hangDao, "Kiều Quang Hủy Giấy");
        String body = "{\"toCellId\": %d, \"decision\": %s}".formatted(hangBac, decision("5-GGT"));
        Reply issued = staff.post("/api/v1/members/" + id + "/transfers", body);
        String version = "{\"version\": %d}".formatted(issued.<Integer>json("$.version"));

        // The receiving secretary cannot take it back: that is the sending side's decision.
        assertThat(secretary
                        .post("/api/v1/members/transfers/" + issued.id() + "/cancel", version)
                        .status())
                .isEqualTo(403);
        Reply cancelled = staff.post("/api/v1/members/transfers/" + issued.id() + "/cancel", version);
        assertThat(cancelled.<String>json("$.status")).as("%s", cancelled).isEqualTo("CANCELLED");
        Reply accept = secretary.post("/api/v1/members/transfers/" + issued.id() + "/accept", version);
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.code()).isEqualTo("member.transfer.cancelled");
        assertThat(staff.get("/api/v1/members/" + id).<Integer>json("$.cellId")).isEqualTo((int) hangDao);
        assertThat(memberships(id)).isEqualTo(2);
        // A new transfer may be issued once the old one is taken back.
        assertThat(staff.post("/api/v1/members/" + id + "/transfers", body).status())
                .isEqualTo(201);
    }
}
