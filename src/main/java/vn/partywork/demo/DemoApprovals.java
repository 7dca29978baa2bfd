package vn.partywork.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.approval.SubmitRequest;
import vn.partywork.org.OrgSummary;

/**
 * One demo request in the approval chain (P-WF-1, M-3): the member Vũ Văn Nam ({@code dangvien.demo})
 * updates his phone number and address; it waits at the cell step for {@code bithu.demo}, then goes to
 * the grassroots committee ({@code danguy.hoankiem}, committee leader of Đảng bộ phường Hoàn Kiếm) and
 * the upper level ({@code hn.tochuc}, organisation staff of Hà Nội) under the rule of
 * {@link ApprovalRequests}.
 */
@Component
class DemoApprovals {

    static final String SUBJECT_TYPE = "demo-member-update";

    private final ApprovalRequests approvals;
    private final AccessScopes scopes;
    private final Clock clock;

    DemoApprovals(ApprovalRequests approvals, AccessScopes scopes, Clock clock) {
        this.approvals = approvals;
        this.scopes = scopes;
        this.clock = clock;
    }

    void load(OrgSummary hangBac, long memberAccountId) {
        approvals.submit(
                scopes.forAccount(memberAccountId, LocalDate.now(clock)),
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        hangBac.id(),
                        SUBJECT_TYPE,
                        "dangvien.demo",
                        "Vũ Văn Nam: cập nhật số điện thoại và nơi ở hiện nay",
                        List.of(
                                new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 321"),
                                new ProposedChange(
                                        "address",
                                        "Nơi ở hiện nay",
                                        "Số 12 phố Hàng Bạc, phường Hoàn Kiếm",
                                        "Số 8 phố Hàng Đào, phường Hoàn Kiếm"))));
    }
}
