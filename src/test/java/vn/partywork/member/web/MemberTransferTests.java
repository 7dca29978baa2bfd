package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * M-4, official transfer within a province: Hà Nội staff issue it from Hàng Đào, the member is
 * visible to the Hàng Bạc secretary while in transit, she accepts once, and the membership history
 * shows the move; non-cells are refused (between provinces: MemberLifeEventTests).
 */
@PartyworkTest
class MemberTransferTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String transfer(long toCell) {
        return """
                {"toCellId": %d, "decision": {"number": "15-QĐ/ĐU", "date": "%s", "issuer": "Đảng ủy phường Hoàn Kiếm"}}""".formatted(toCell, DemoOrgs.today());
    }

    @Test
    void anOfficialTransferIsIssuedSeenByBothSidesAndAcceptedOnce() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long id = MemberTestData.create(staff, hangDao, "Đoàn Văn Chuyển Đến");
        assertThat(secretary.get("/api/v1/members/" + id).status()).isEqualTo(404);

        Reply notACell =
                staff.post("/api/v1/members/" + id + "/transfers", transfer(orgs.id("Đảng bộ phường Hoàn Kiếm")));
        assertThat(notACell.code()).isEqualTo("member.transfer.notCell");

        Reply issued = staff.post("/api/v1/members/" + id + "/transfers", transfer(hangBac));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        assertThat(issued.<String>json("$.status")).isEqualTo("ISSUED");
        long transferId = issued.id();
        assertThat(staff.post("/api/v1/members/" + id + "/transfers", transfer(hangBac))
                        .code())
                .isEqualTo("member.transfer.open");

        // In transit: still in Hàng Đào, and visible to the receiving secretary as well.
        assertThat(secretary.get("/api/v1/members/" + id).<Integer>json("$.cellId"))
                .isEqualTo((int) hangDao);
        assertThat(secretary.get("/api/v1/members?q=doan%20van%20chuyen%20den").<List<Integer>>json("$.items[*].id"))
                .contains((int) id);
        assertThat(ApiClient.as(port, "hcm.tochuc").get("/api/v1/members/" + id).status())
                .isEqualTo(404);

        String accept = "{\"version\": %d}".formatted(issued.<Integer>json("$.version"));
        Reply accepted = secretary.post("/api/v1/members/transfers/" + transferId + "/accept", accept);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.<String>json("$.status")).isEqualTo("ACCEPTED");
        Reply twice = secretary.post("/api/v1/members/transfers/" + transferId + "/accept", accept);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("member.transfer.alreadyAccepted");

        assertThat(secretary.get("/api/v1/members/" + id).<Integer>json("$.cellId"))
                .isEqualTo((int) hangBac);
        Reply history = secretary.get("/api/v1/members/" + id + "/history");
        assertThat(history.<List<Integer>>json("$[*].cellId")).startsWith((int) hangBac, (int) hangDao);
        assertThat(history.<String>json("$[0].validFrom"))
                .isEqualTo(DemoOrgs.today().toString());
        assertThat(history.<String>json("$[0].basis")).contains("Quyết định số 15-QĐ/ĐU");
    }
}
