package vn.partywork.notification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;

/** What the e-mail tests share: a fresh member account of Chi bộ Hàng Bạc whose address is forgotten after each test. */
abstract class MailTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessScopes scopes;

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    AccountAdministration administration;

    @Autowired
    MutableClock clock;

    NotificationTestSupport t;
    AccountView member;

    @BeforeEach
    void setUp() {
        t = new NotificationTestSupport(jdbc, scopes, approvals, notifications, clock);
        member =
                new Fixtures(jdbc, administration).account(AccountType.MEMBER, t.org(NotificationTestSupport.HANG_BAC));
    }

    @AfterEach
    void forgetAddress() {
        preferences.setEmail(member.id(), null);
    }
}
