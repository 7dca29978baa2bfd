package vn.partywork.dataaccess.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
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
import vn.partywork.dataaccess.ApprovedScope;
import vn.partywork.dataaccess.DataAccessRequestView;
import vn.partywork.dataaccess.DataAccessRequests;
import vn.partywork.dataaccess.DataOwner;
import vn.partywork.dataaccess.DatabaseRegister;
import vn.partywork.dataaccess.NewDataAccessRequest;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/** P-AZ-4 over the API: the PL2 form, the owner's decision, and the register of data owners (P-DG-1). */
@RestController
@RequestMapping("/api/v1/data-access")
@Tag(
        name = "Khai thác dữ liệu",
        description = "Phiếu yêu cầu khai thác, sử dụng dữ liệu (Phụ lục 2) và danh mục chủ quản dữ liệu")
class DataAccessApiController {

    record Decision(
            @Nullable Long orgId,
            @Nullable Classification ceiling,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String opinion,
            @Nullable Integer version) {}

    record Refusal(@Nullable String reason, @Nullable Integer version) {}

    private final DataAccessRequests requests;
    private final DatabaseRegister register;

    DataAccessApiController(DataAccessRequests requests, DatabaseRegister register) {
        this.requests = requests;
        this.register = register;
    }

    @GetMapping("/register")
    @Operation(summary = "Danh mục cơ sở dữ liệu với chủ quản, đơn vị nghiệp vụ, đầu mối dữ liệu, đầu mối kỹ thuật")
    List<DataOwner> register() {
        return register.owners();
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gửi phiếu yêu cầu khai thác dữ liệu (\"commitment\": true là cam kết của Phụ lục 2)")
    DataAccessRequestView submit(AccessScope scope, @RequestBody NewDataAccessRequest form) {
        return requests.submit(scope, form);
    }

    @GetMapping("/requests")
    @Operation(summary = "Phiếu của tôi")
    List<DataAccessRequestView> mine(AccessScope scope) {
        return requests.mine(scope);
    }

    @GetMapping("/requests/waiting")
    @Operation(summary = "Phiếu chờ tôi phê duyệt (chủ quản dữ liệu)")
    List<DataAccessRequestView> waiting(AccessScope scope) {
        return requests.waitingFor(scope);
    }

    @GetMapping("/requests/{id}")
    DataAccessRequestView details(AccessScope scope, @PathVariable long id) {
        return requests.details(scope, id);
    }

    @PostMapping("/requests/{id}/approve")
    @Operation(summary = "Phê duyệt; orgId, ceiling, from, to chỉ có thể thu hẹp phạm vi và thời hạn đề nghị")
    DataAccessRequestView approve(AccessScope scope, @PathVariable long id, @RequestBody Decision decision) {
        return requests.approve(
                scope,
                id,
                new ApprovedScope(
                        decision.orgId(), decision.ceiling(), decision.from(), decision.to(), decision.opinion()),
                version(decision.version()));
    }

    @PostMapping("/requests/{id}/reject")
    @Operation(summary = "Từ chối (phiếu không đủ căn cứ); lý do bắt buộc")
    DataAccessRequestView reject(AccessScope scope, @PathVariable long id, @RequestBody Refusal refusal) {
        return requests.reject(scope, id, refusal.reason(), version(refusal.version()));
    }

    private static int version(@Nullable Integer version) {
        if (version == null) {
            throw DomainException.invalid("dataaccess.version.required");
        }
        return version;
    }
}
