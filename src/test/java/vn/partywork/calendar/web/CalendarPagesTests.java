package vn.partywork.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/** P-WF-2: the calendar page and its override form through the real login form and CSRF. */
@PartyworkTest
class CalendarPagesTests {

    @LocalServerPort
    int port;

    @Test
    void everyBusinessUserSeesTheYearWithItsHolidaysAndLunarDates() {
        Page page = PageSession.login(port, "hn.tochuc").get("/calendar?year=2027");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Lịch ngày làm việc năm 2027",
                        "Tết Nguyên đán",
                        "Nghỉ bù Tết Nguyên đán",
                        "Giỗ Tổ Hùng Vương",
                        "Quốc khánh",
                        "Tháng 12",
                        // 6/2/2027 is mùng 1 Tết: its cell carries the lunar date 1/1.
                        "06/02/2027 (âm lịch 1/1): Tết Nguyên đán");
        assertThat(page.body()).doesNotContain("Lưu các ngày điều chỉnh");
    }

    @Test
    void centralStaffEnterAndWithdrawADecisionsDays() {
        PageSession central = PageSession.login(port, "tw.tochuc");
        assertThat(central.get("/calendar?year=2037").body()).contains("Lưu các ngày điều chỉnh");

        Page saved = central.post("/calendar/overrides?year=2037", form("2037-05-04", "OFF", "2037-05-09", "WORKING"));
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        assertThat(saved.location()).endsWith("/calendar?year=2037#overrides");
        Page page = central.get("/calendar?year=2037");
        assertThat(page.body())
                .contains(
                        "Đã ghi nhận 2 ngày điều chỉnh theo thông báo.",
                        "Nghỉ hoán đổi 4/5",
                        "Làm việc bù theo thông báo",
                        "9999/TB-BNV");

        assertThat(central.post("/calendar/overrides/2037-05-04/withdraw", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(central.get("/calendar?year=2037").body()).contains("Đã hủy điều chỉnh của ngày 04/05/2037.");
        assertThat(central.post("/calendar/overrides/2037-05-09/withdraw", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(central.get("/calendar?year=2037").body())
                .contains("Đã hủy điều chỉnh của ngày 09/05/2037.")
                .doesNotContain("Nghỉ hoán đổi 4/5");
    }

    @Test
    void aContradictoryFormIsShownAgainWithTheReason() {
        Page page = PageSession.login(port, "tw.tochuc")
                .post("/calendar/overrides?year=2037", form("2037-06-08", "OFF", "2037-06-08", "WORKING"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Ngày 08/06/2037 vừa được nhập là ngày nghỉ vừa là ngày làm việc; không lưu ngày nào.");
    }

    @Test
    void aMissingDecisionIsNamedNextToItsField() {
        Map<String, String> fields = form("2037-06-08", "OFF", "", "OFF");
        fields.put("decisionNumber", "");
        Page page = PageSession.login(port, "tw.tochuc").post("/calendar/overrides?year=2037", fields);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Bắt buộc nhập.");
    }

    @Test
    void othersMayNotPostOverridesAndTheAdministratorSeesNoCalendar() {
        PageSession hanoi = PageSession.login(port, "hn.tochuc");
        Page refused = hanoi.post("/calendar/overrides?year=2037", form("2037-05-04", "OFF", "", "OFF"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Chỉ cán bộ Ban Tổ chức Trung ương");
        assertThat(PageSession.login(port, "admin").get("/calendar").status()).isEqualTo(403);
    }

    @Test
    void aYearOutsideTheSupportedRangeIsRefused() {
        Page page = PageSession.login(port, "hn.tochuc").get("/calendar?year=2101");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("từ năm 1900 đến năm 2100");
    }

    private static Map<String, String> form(String firstDate, String firstKind, String secondDate, String secondKind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("decisionNumber", "9999/TB-BNV");
        fields.put("decisionDate", "2025-12-01");
        fields.put("decisionIssuer", "Bộ Nội vụ");
        fields.put("days[0].date", firstDate);
        fields.put("days[0].kind", firstKind);
        fields.put("days[0].name", "Nghỉ hoán đổi 4/5");
        fields.put("days[1].date", secondDate);
        fields.put("days[1].kind", secondKind);
        fields.put("days[1].name", "");
        return fields;
    }
}
