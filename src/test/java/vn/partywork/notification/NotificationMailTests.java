package vn.partywork.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.partywork.PartyworkTest;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.StepDecision;

/**
 * E-mail through a real SMTP server: GreenMail listens in this JVM on the port the test profile
 * gives {@code spring.mail.port}, so the shared test context is kept.
 */
@PartyworkTest
class NotificationMailTests extends MailTestBase {

    /** spring.mail.port of application-test.properties. */
    static final int SMTP_PORT = 39251;

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void aReturnedRequestReachesTheSubmitterByEmailInVietnamese() throws Exception {
        preferences.setEmail(member.id(), "dang.vien.kiem.thu@donvi.gov.vn");
        RequestDetails r = t.submit(
                scopes.forAccount(member.id(), LocalDate.now(clock)), "Nguyễn Văn Kiểm Thử: đổi số điện thoại");
        approvals.act(
                t.scope("bithu.demo"),
                r.summary().id(),
                StepDecision.RETURN,
                "Cần ghi rõ số điện thoại bàn",
                r.summary().version());

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("dang.vien.kiem.thu@donvi.gov.vn");
        assertThat(mail.getSubject())
                .isEqualTo("Yêu cầu bị trả lại để chỉnh sửa: Nguyễn Văn Kiểm Thử: đổi số điện thoại");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        String body = (String) mail.getContent();
        assertThat(body)
                .contains(
                        "Lý do: Cần ghi rõ số điện thoại bàn",
                        "Xem chi tiết: http://localhost:8080/approvals/"
                                + r.summary().id(),
                        "Cài đặt thông báo");
        assertThat(GreenMailUtil.getHeaders(mail)).contains("From: partywork@localhost");

        // The delivery is recorded on the notification.
        assertThat(Eventually.until(() -> mailStatus(member.id(), r.summary().id()), "SENT"::equals))
                .isEqualTo("SENT");
    }

    String mailStatus(long account, long request) {
        return jdbc.sql("""
                SELECT coalesce(mail_status, '-') FROM notification.notification
                 WHERE account_id = :account AND link = :link""")
                .param("account", account)
                .param("link", "/approvals/" + request)
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
