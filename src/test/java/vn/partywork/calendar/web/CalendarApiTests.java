package vn.partywork.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;

/**
 * P-WF-2 over the real JSON API with demo accounts signed in through the token endpoint: any
 * business account reads the calendar; only the central organisation staff declare overrides.
 * Declarations use 2036, which no other test reads.
 */
@PartyworkTest
class CalendarApiTests {

    private static final String DECLARE = """
            {"decision": {"number": "567/TB-VPCP", "date": "2025-12-01", "issuer": "Văn phòng Chính phủ"},
             "days": [{"date": "2036-09-01", "kind": "WORKING"},
                      {"date": "2036-09-03", "kind": "OFF", "name": "Quốc khánh (hoán đổi)"}]}""";

    @LocalServerPort
    int port;

    @Test
    void anyBusinessAccountReadsTheHolidaysOfAYear() {
        Reply reply = ApiClient.as(port, "hn.tochuc").get("/api/v1/calendar/holidays?year=2027");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<Map<String, Object>> days = reply.json("$");
        assertThat(days)
                .contains(
                        Map.of("date", "2027-02-06", "name", "Tết Nguyên đán", "kind", "HOLIDAY", "dayOff", true),
                        Map.of(
                                "date",
                                "2027-02-10",
                                "name",
                                "Nghỉ bù Tết Nguyên đán",
                                "kind",
                                "COMPENSATION",
                                "dayOff",
                                true),
                        Map.of("date", "2027-04-16", "name", "Giỗ Tổ Hùng Vương", "kind", "HOLIDAY", "dayOff", true));
        assertThat(ApiClient.as(port, "dangvien.demo")
                        .get("/api/v1/calendar/holidays?year=2027")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void deadlinesAndCountsOfWorkingDays() {
        ApiClient api = ApiClient.as(port, "hn.tochuc");
        Reply deadline = api.get("/api/v1/calendar/add-working-days?from=2026-02-13&days=5");
        assertThat(deadline.status()).as("%s", deadline).isEqualTo(200);
        assertThat(deadline.<String>json("$.date")).isEqualTo("2026-02-27");
        Reply count = api.get("/api/v1/calendar/working-days-between?from=2026-02-13&to=2026-02-27");
        assertThat(count.<Integer>json("$.workingDays")).isEqualTo(5);
        Reply day = api.get("/api/v1/calendar/days/2026-02-17");
        assertThat(day.<Boolean>json("$.workingDay")).isFalse();
        assertThat(day.<String>json("$.name")).isEqualTo("Tết Nguyên đán");
        assertThat(day.<String>json("$.lunar.text")).isEqualTo("1/1");
    }

    @Test
    void outOfRangeAndBadParametersAreRefusedWithStableCodes() {
        ApiClient api = ApiClient.as(port, "hn.tochuc");
        Reply year = api.get("/api/v1/calendar/holidays?year=2101");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.code()).isEqualTo("calendar.outOfRange");
        assertThat(year.message()).isEqualTo("Lịch ngày làm việc chỉ hỗ trợ các ngày từ năm 1900 đến năm 2100.");
        assertThat(api.get("/api/v1/calendar/add-working-days?from=2100-12-30&days=5")
                        .code())
                .isEqualTo("calendar.outOfRange");
        assertThat(api.get("/api/v1/calendar/add-working-days?from=2026-13-01&days=5")
                        .code())
                .isEqualTo("request.badParameter");
        assertThat(api.get("/api/v1/calendar/add-working-days?from=2026-01-01").code())
                .isEqualTo("request.badParameter");
    }

    @Test
    void centralStaffDeclareAndWithdrawOverrides() {
        ApiClient central = ApiClient.as(port, "tw.tochuc");
        Reply created = central.post("/api/v1/calendar/overrides", DECLARE);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.<List<String>>json("$[*].date")).containsExactly("2036-09-01", "2036-09-03");
        assertThat(created.<String>json("$[0].decision.number")).isEqualTo("567/TB-VPCP");
        assertThat(central.get("/api/v1/calendar/days/2036-09-03").<Boolean>json("$.workingDay"))
                .isFalse();
        assertThat(central.get("/api/v1/calendar/days/2036-09-01").<Boolean>json("$.workingDay"))
                .isTrue();
        assertThat(central.get("/api/v1/calendar/overrides?year=2036").<List<Object>>json("$"))
                .hasSize(2);

        Reply again = central.post("/api/v1/calendar/overrides", DECLARE);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("calendar.override.exists");

        assertThat(central.send("DELETE", "/api/v1/calendar/overrides/2036-09-01", (String) null)
                        .status())
                .isEqualTo(204);
        assertThat(central.send("DELETE", "/api/v1/calendar/overrides/2036-09-03", (String) null)
                        .status())
                .isEqualTo(204);
        assertThat(central.send("DELETE", "/api/v1/calendar/overrides/2036-09-03", (String) null)
                        .code())
                .isEqualTo("calendar.override.notFound");
        assertThat(central.get("/api/v1/calendar/days/2036-09-01").<Boolean>json("$.workingDay"))
                .isFalse();
    }

    @Test
    void aContradictoryDeclarationIsRefused() {
        Reply reply = ApiClient.as(port, "tw.tochuc").post("/api/v1/calendar/overrides", """
                {"decision": {"number": "1/TB", "date": "2025-12-01", "issuer": "Bộ Nội vụ"},
                 "days": [{"date": "2036-05-05", "kind": "OFF"}, {"date": "2036-05-05", "kind": "WORKING"}]}""");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("calendar.override.contradictory");
        assertThat(reply.message()).contains("05/05/2036");
    }

    @Test
    void missingDecisionFieldsAreNamed() {
        Reply reply = ApiClient.as(port, "tw.tochuc").post("/api/v1/calendar/overrides", """
                {"decision": {"number": "", "date": "2025-12-01"}, "days": [{"date": "2036-05-05"}]}""");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.<Map<String, String>>json("$.fields"))
                .containsKeys("decision.number", "decision.issuer", "days[0].kind");
    }

    @Test
    void provincialStaffAndTheSystemAdministratorMayNotDeclare() {
        Reply hanoi = ApiClient.as(port, "hn.tochuc").post("/api/v1/calendar/overrides", DECLARE);
        assertThat(hanoi.status()).isEqualTo(403);
        assertThat(hanoi.code()).isEqualTo("calendar.forbidden");
        assertThat(ApiClient.as(port, "hn.tochuc")
                        .send("DELETE", "/api/v1/calendar/overrides/2036-09-01", (String) null)
                        .code())
                .isEqualTo("calendar.forbidden");
        // The system administrator sees no business data at all: the URL rule answers first.
        Reply admin = ApiClient.as(port, "admin").post("/api/v1/calendar/overrides", DECLARE);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.code()).isEqualTo("auth.forbidden");
        assertThat(ApiClient.as(port, "admin")
                        .get("/api/v1/calendar/holidays?year=2027")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port)
                        .get("/api/v1/calendar/holidays?year=2027")
                        .status())
                .isEqualTo(401);
    }
}
