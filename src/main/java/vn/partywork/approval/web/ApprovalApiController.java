package vn.partywork.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.RequestSummary;
import vn.partywork.approval.StepDecision;
import vn.partywork.approval.SubmitRequest;
import vn.partywork.shared.AccessScope;

/** Approval requests over JSON (P-WF-1): submit, inbox, read, act, resubmit, withdraw. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Phê duyệt", description = "Quy trình xác nhận, thẩm định, ký, phê duyệt có thời hạn theo ngày làm việc")
class ApprovalApiController {

    private static final String REQUIRED = "Bắt buộc nhập.";

    private final ApprovalRequests approvals;

    ApprovalApiController(ApprovalRequests approvals) {
        this.approvals = approvals;
    }

    record SubmitBody(
            @NotBlank(message = REQUIRED) String chainCode,
            @NotNull(message = REQUIRED) Long subjectOrgId,
            @NotBlank(message = REQUIRED) String subjectType,
            @NotBlank(message = REQUIRED) String subjectId,
            @NotBlank(message = REQUIRED) String title,
            @NotNull(message = REQUIRED) List<ProposedChange> changes) {}

    record ActBody(
            @NotNull(message = REQUIRED) StepDecision action,
            @Nullable String comment,
            @NotNull(message = REQUIRED) Integer version) {}

    record ResubmitBody(
            @NotNull(message = REQUIRED) Integer version,
            @Nullable List<ProposedChange> changes,
            @Nullable String comment) {}

    record WithdrawBody(
            @NotNull(message = REQUIRED) Integer version,
            @Nullable String comment) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gửi một yêu cầu vào quy trình phê duyệt")
    RequestDetails submit(AccessScope scope, @Valid @RequestBody SubmitBody body) {
        return approvals.submit(
                scope,
                new SubmitRequest(
                        body.chainCode(),
                        body.subjectOrgId(),
                        body.subjectType(),
                        body.subjectId(),
                        body.title(),
                        body.changes()));
    }

    @GetMapping("/inbox")
    @Operation(summary = "Việc cần xử lý: các yêu cầu mà bước hiện tại thuộc thẩm quyền của người gọi")
    List<RequestSummary> inbox(AccessScope scope) {
        return approvals.inbox(scope);
    }

    @GetMapping("/sent")
    @Operation(summary = "Các yêu cầu người gọi đã gửi")
    List<RequestSummary> sent(AccessScope scope) {
        return approvals.submitted(scope);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Theo dõi: các bước quá hạn của đơn vị cấp dưới trong phạm vi được xem")
    List<RequestSummary> overdue(AccessScope scope) {
        return approvals.overdue(scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một yêu cầu: các bước, thay đổi đề nghị, quá trình xử lý")
    RequestDetails details(AccessScope scope, @PathVariable long id) {
        return approvals.details(scope, id);
    }

    @PostMapping("/{id}/act")
    @Operation(summary = "Xử lý bước hiện tại: APPROVE, RETURN (bắt buộc lý do), REJECT (bắt buộc lý do)")
    RequestDetails act(AccessScope scope, @PathVariable long id, @Valid @RequestBody ActBody body) {
        return approvals.act(scope, id, body.action(), body.comment(), body.version());
    }

    @PostMapping("/{id}/resubmit")
    @Operation(summary = "Người gửi gửi lại yêu cầu đã bị trả lại, có thể kèm thay đổi đã sửa")
    RequestDetails resubmit(AccessScope scope, @PathVariable long id, @Valid @RequestBody ResubmitBody body) {
        return approvals.resubmit(scope, id, body.version(), body.changes(), body.comment());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Người gửi rút yêu cầu chưa kết thúc")
    RequestDetails withdraw(AccessScope scope, @PathVariable long id, @Valid @RequestBody WithdrawBody body) {
        return approvals.withdraw(scope, id, body.version(), body.comment());
    }
}
