package vn.partywork.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.partywork.approval.CorrectionDetails;
import vn.partywork.approval.CorrectionForm;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.SubmitCorrection;
import vn.partywork.approval.SubmitCorrection.FieldCorrection;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * Correction requests over the API (P-WF-3). Submission is {@code multipart/form-data}: a part
 * {@code correction} (JSON: recordType, recordId, reason, changes [{field, oldValue, newValue}]) and
 * one or more parts {@code evidence} (PDF, JPG, PNG or DOCX, at most 10 MB each, at most 5).
 */
@RestController
@RequestMapping("/api/v1/corrections")
@Tag(name = "Phê duyệt", description = "Phiếu yêu cầu chỉnh sửa dữ liệu đã phê duyệt")
class CorrectionApiController {

    private static final String REQUIRED = "Bắt buộc nhập.";

    private final CorrectionRequests corrections;

    CorrectionApiController(CorrectionRequests corrections) {
        this.corrections = corrections;
    }

    record CorrectionBody(
            @NotBlank(message = REQUIRED) String recordType,
            @NotBlank(message = REQUIRED) String recordId,
            @Nullable String reason,
            @NotNull(message = REQUIRED) List<FieldCorrection> changes) {}

    @GetMapping("/form")
    @Operation(summary = "Các trường được đính chính của một bản ghi và giá trị hiện tại")
    CorrectionForm form(AccessScope scope, @RequestParam String type, @RequestParam String record) {
        return corrections.form(scope, type, record);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Lập phiếu yêu cầu chỉnh sửa (lý do, trường cũ → mới, tài liệu chứng minh)")
    RequestDetails submit(
            AccessScope scope,
            @Valid @RequestPart("correction") CorrectionBody body,
            @RequestPart(name = "evidence", required = false) @Nullable List<MultipartFile> evidence) {
        return corrections.submit(
                scope,
                new SubmitCorrection(
                        body.recordType(),
                        body.recordId(),
                        body.changes(),
                        body.reason(),
                        CorrectionController.evidence(evidence)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lý do và tài liệu chứng minh của một phiếu yêu cầu chỉnh sửa")
    CorrectionDetails details(AccessScope scope, @PathVariable long id) {
        return corrections.details(scope, id).orElseThrow(() -> DomainException.notFound("approval.request.notFound"));
    }
}
