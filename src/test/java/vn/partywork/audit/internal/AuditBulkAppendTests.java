package vn.partywork.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkTest;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditRecord;
import vn.partywork.audit.AuditTrail;

/**
 * P-AU-1 for bulk writes ({@code AuditLog.recordAll}, one {@code audit.append_all} per 2,000
 * events): every event is kept with its own values, in the order given, commits or rolls back with
 * the change, and chains into a chain that still verifies.
 */
@PartyworkTest
class AuditBulkAppendTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcAuditTrail verifier;

    @Autowired
    ChainSealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    private static List<AuditEvent> created(String type, int n) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(AuditEvent.of(AuditAction.CREATE, type, i)
                    .actorIdentifier("nhap.tep")
                    .basis("Nhập từ tệp, dòng " + (i + 2))
                    .change("fullName", null, "Đảng viên số " + i)
                    .detail("row", i + 2)
                    .build());
        }
        return events;
    }

    @Test
    void moreEventsThanOneStatementTakesAreKeptInOrderWithTheirOwnValuesAndVerify() {
        String type = "bulk_" + UUID.randomUUID().toString().substring(0, 8);
        int n = JdbcAuditLog.BULK + 5;
        new TransactionTemplate(transactions).executeWithoutResult(status -> audit.recordAll(created(type, n)));

        sealer.sealAll();

        List<AuditRecord> first = trail.history(type, "0");
        List<AuditRecord> last = trail.history(type, String.valueOf(n - 1));
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.chained()).isTrue();
            assertThat(r.actorIdentifier()).isEqualTo("nhap.tep");
            assertThat(r.basis()).isEqualTo("Nhập từ tệp, dòng 2");
            assertThat(r.changes().get("fullName").newValue()).isEqualTo("Đảng viên số 0");
        });
        assertThat(last).singleElement().satisfies(r -> {
            assertThat(r.chained()).isTrue();
            assertThat(r.changes().get("fullName").newValue()).isEqualTo("Đảng viên số " + (n - 1));
            // In the order given: the last event follows the first by exactly n - 1 places.
            assertThat(r.seq() - first.get(0).seq()).isEqualTo(n - 1);
        });
        assertThat(verifier.verify("audit").ok()).isTrue();
    }

    @Test
    void aRolledBackBulkLeavesNoEvent() {
        String type = "bulk_" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.recordAll(created(type, 10));
            status.setRollbackOnly();
        });

        sealer.sealAll();

        assertThat(trail.history(type, "0")).isEmpty();
        assertThat(trail.history(type, "9")).isEmpty();
    }
}
