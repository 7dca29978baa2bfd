package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

@PartyworkTest
class OrgBreadcrumbTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void cellSecretarySeesHerCellsAncestorsNamedButNotLinked() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long cell = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        long ward = orgs.id("Đảng bộ phường Hoàn Kiếm");

        PageSession.Page page = PageSession.login(port, "bithu.demo").get("/orgs/" + cell);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Đảng bộ phường Hoàn Kiếm").doesNotContain("href=\"/orgs/" + ward);
    }

    @Test
    void cityStaffGetLinksToAncestorsInsideTheirScope() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long cell = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        long ward = orgs.id("Đảng bộ phường Hoàn Kiếm");
        long root = orgs.id("Ban Chấp hành Trung ương");

        PageSession.Page page = PageSession.login(port, "hn.tochuc").get("/orgs/" + cell);

        assertThat(page.body()).contains("href=\"/orgs/" + ward).doesNotContain("href=\"/orgs/" + root + "\"");
    }
}
