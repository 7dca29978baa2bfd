package vn.partywork.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.partywork.document.DocumentInfo;
import vn.partywork.member.AttachedFile;
import vn.partywork.member.IssueTransfer;
import vn.partywork.member.LifeEventKind;
import vn.partywork.member.MemberDocuments;
import vn.partywork.member.MemberLifeEvent;
import vn.partywork.member.MemberLifeEvents;
import vn.partywork.member.MemberTransfer;
import vn.partywork.member.RecordLifeEvent;
import vn.partywork.member.TransferLists;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * Life events (M-4) and the dossier's files (M-1) over JSON: transfers of party activity (issue,
 * accept, return from a temporary one, the open ones of the caller's organisations), the other life
 * events with their decision, and attached documents (multipart upload, audited download).
 */
@RestController
@RequestMapping("/api/v1/members")
@Tag(
        name = "Đảng viên",
        description =
                "Biến động đảng viên: chuyển sinh hoạt, miễn sinh hoạt, xóa tên, khai trừ, ra khỏi Đảng, từ trần, Huy hiệu Đảng; tài liệu đính kèm")
class MemberEventApiController {

    private static final String REQUIRED = "Bắt buộc nhập.";

    private final MemberLifeEvents lifeEvents;
    private final MemberDocuments documents;

    MemberEventApiController(MemberLifeEvents lifeEvents, MemberDocuments documents) {
        this.lifeEvents = lifeEvents;
        this.documents = documents;
    }

    record DecisionBody(
            @NotNull(message = REQUIRED) String number,
            @NotNull(message = REQUIRED) LocalDate date,
            @NotNull(message = REQUIRED) String issuer) {

        Decision decision() {
            return new Decision(number, date, issuer);
        }
    }

    record TransferBody(
            @NotNull(message = REQUIRED) Long toCellId,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @Nullable Boolean temporary,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate until) {}

    record DayBody(
            @NotNull(message = REQUIRED) Integer version,
            @Nullable LocalDate acceptedOn,
            @Nullable LocalDate returnedOn) {}

    record EventBody(
            @NotNull(message = REQUIRED) LifeEventKind kind,
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) LocalDate effectiveOn,
            @Nullable LocalDate endsOn,
            @Nullable Integer badgeYears,
            @Nullable String note) {}

    @PostMapping("/{id}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Tổ chức nơi đi lập giấy chuyển sinh hoạt đảng chính thức hoặc tạm thời (temporary=true, đến ngày until), trong tỉnh hoặc ra ngoài tỉnh")
    MemberTransfer issueTransfer(AccessScope scope, @PathVariable long id, @Valid @RequestBody TransferBody body) {
        return lifeEvents.issueTransfer(
                scope,
                id,
                new IssueTransfer(
                        Boolean.TRUE.equals(body.temporary()),
                        body.toCellId(),
                        body.decision().decision(),
                        body.issuedOn(),
                        body.until(),
                        null));
    }

    @GetMapping("/{id}/transfers")
    @Operation(summary = "Các lần chuyển sinh hoạt đảng của một đảng viên")
    List<MemberTransfer> transfers(AccessScope scope, @PathVariable long id) {
        return lifeEvents.transfers(scope, id);
    }

    @GetMapping("/transfers")
    @Operation(summary = "Đảng viên đang chuyển đến và chuyển đi của các tổ chức trong phạm vi")
    TransferLists pendingTransfers(AccessScope scope) {
        return lifeEvents.pending(scope);
    }

    @PostMapping("/transfers/{id}/accept")
    @Operation(summary = "Tổ chức nơi đến tiếp nhận đảng viên chuyển đến (ngoài tỉnh: cấp ủy tỉnh nơi đến)")
    MemberTransfer acceptTransfer(AccessScope scope, @PathVariable long id, @Valid @RequestBody DayBody body) {
        return lifeEvents.acceptTransfer(scope, id, body.acceptedOn(), body.version());
    }

    @PostMapping("/transfers/{id}/return")
    @Operation(summary = "Đảng viên trở về chi bộ chính thức sau chuyển sinh hoạt đảng tạm thời")
    MemberTransfer returnFromTransfer(AccessScope scope, @PathVariable long id, @Valid @RequestBody DayBody body) {
        return lifeEvents.returnFromTransfer(scope, id, body.returnedOn(), body.version());
    }

    @PostMapping("/transfers/{id}/cancel")
    @Operation(summary = "Tổ chức nơi đi hủy giấy chuyển sinh hoạt đảng chưa được tiếp nhận")
    MemberTransfer cancelTransfer(AccessScope scope, @PathVariable long id, @Valid @RequestBody DayBody body) {
        return lifeEvents.cancelTransfer(scope, id, body.version());
    }

    @GetMapping("/{id}/events")
    @Operation(
            summary =
                    "Biến động của đảng viên (miễn sinh hoạt, xóa tên, khai trừ, ra khỏi Đảng, từ trần, Huy hiệu Đảng)")
    List<MemberLifeEvent> events(AccessScope scope, @PathVariable long id) {
        return lifeEvents.events(scope, id);
    }

    @PostMapping("/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ghi một biến động theo quyết định của cấp có thẩm quyền")
    MemberLifeEvent recordEvent(AccessScope scope, @PathVariable long id, @Valid @RequestBody EventBody body) {
        return lifeEvents.record(
                scope,
                id,
                new RecordLifeEvent(
                        body.kind(),
                        body.decision().decision(),
                        body.effectiveOn(),
                        body.endsOn(),
                        body.badgeYears(),
                        body.note(),
                        null));
    }

    @GetMapping("/{id}/documents")
    @Operation(summary = "Tài liệu đính kèm hồ sơ đảng viên (quyết định, bản quét)")
    List<DocumentInfo> documents(AccessScope scope, @PathVariable long id) {
        return documents.readList(scope, id);
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đính kèm một tệp (PDF, JPG, PNG, DOCX) vào hồ sơ đảng viên")
    DocumentInfo attach(AccessScope scope, @PathVariable long id, @RequestPart("file") MultipartFile file) {
        return documents.store(scope, id, file(file));
    }

    static AttachedFile file(MultipartFile file) {
        try {
            String name = file.getOriginalFilename();
            return new AttachedFile(name == null ? "" : name, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
