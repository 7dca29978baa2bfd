package vn.partywork.approval;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every {@link ApprovalCompleted} after its transaction commits, as an owning module's
 * listener would receive it; picked up by component scanning, so the shared test context is kept.
 */
@Component
public class CompletedEvents {

    private final List<ApprovalCompleted> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(id = "approval.test.completed")
    void on(ApprovalCompleted event) {
        received.add(event);
    }

    public List<ApprovalCompleted> of(long requestId) {
        return received.stream().filter(e -> e.requestId() == requestId).toList();
    }
}
