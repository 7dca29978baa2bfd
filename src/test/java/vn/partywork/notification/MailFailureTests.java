package vn.partywork.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partywork.PartyworkTest;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.StepDecision;

/**
 * A failing SMTP server: nothing listens on the test profile's {@code spring.mail.port} here. The
 * approval stands, the notification is in the centre, and the failed delivery is kept.
 */
@PartyworkTest
class MailFailureTests extends MailTestBase {

    @Test
    void anSmtpFailureDoesNotUndoTheApprovalAndIsKeptOnTheNotification() {
        preferences.setEmail(member.id(), "khong.gui.duoc@donvi.gov.vn");
        RequestDetails r =
                t.submit(scopes.forAccount(member.id(), LocalDate.now(clock)), "Nguyễn Văn Kiểm Thử: đổi nơi ở");
        long id = r.summary().id();

        RequestDetails returned = approvals.act(
                t.scope("bithu.demo"),
                id,
                StepDecision.RETURN,
                "Thiếu giấy tờ",
                r.summary().version());
        assertThat(returned.summary().status()).isEqualTo(ApprovalStatus.RETURNED);

        record Delivery(String status, String error) {}
        Delivery delivery = Eventually.until(
                () -> jdbc.sql("""
                        SELECT coalesce(mail_status, '-') AS status, coalesce(mail_error, '') AS error
                          FROM notification.notification WHERE account_id = :account AND link = :link""")
                        .param("account", member.id())
                        .param("link", "/approvals/" + id)
                        .query((rs, n) -> new Delivery(rs.getString("status"), rs.getString("error")))
                        .optional()
                        .orElse(new Delivery("none", "")),
                d -> d.status().equals("FAILED"));
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.error()).isNotBlank();

        // The return stands, and the member still finds it in the notification centre.
        assertThat(approvals.details(t.scope("bithu.demo"), id).summary().status())
                .isEqualTo(ApprovalStatus.RETURNED);
        assertThat(t.about(member.id(), id))
                .singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_RETURNED));
    }
}
