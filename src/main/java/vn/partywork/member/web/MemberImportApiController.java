package vn.partywork.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.partywork.member.internal.xlsx.ImportJob;
import vn.partywork.member.internal.xlsx.MemberImport;
import vn.partywork.member.internal.xlsx.RowError;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * Issue 5 item 9: {@code POST /api/v1/members/import} (multipart {@code file}, {@code mode=all|valid},
 * {@code source}) runs the import in the request and answers the counts and the error rows; a file
 * refused as a whole answers 400 {@code {"code","message"}}; rows refused in mode {@code all}
 * answer 422 with the job, nothing imported.
 */
@RestController
@RequestMapping("/api/v1/members/import")
@Tag(name = "Đảng viên")
class MemberImportApiController {

    private final MemberImportSupport support;
    private final MemberImport imports;

    MemberImportApiController(MemberImportSupport support, MemberImport imports) {
        this.support = support;
        this.imports = imports;
    }

    /** A job as JSON: its counts, outcome and (up to {@code MemberImport.MAX_REPORTED}) error rows. */
    record JobJson(
            long id,
            String fileName,
            String mode,
            String source,
            ImportJob.Status status,
            int rowsRead,
            int rowsInvalid,
            int rowsImported,
            @Nullable String code,
            @Nullable String message,
            Instant createdAt,
            @Nullable Instant finishedAt,
            List<RowError> errors) {

        static JobJson of(ImportJob job, List<RowError> errors) {
            return new JobJson(
                    job.id(),
                    job.fileName(),
                    job.mode().name(),
                    job.source(),
                    job.status(),
                    job.rowsRead(),
                    job.rowsInvalid(),
                    job.rowsImported(),
                    job.errorCode(),
                    job.errorMessage(),
                    job.createdAt(),
                    job.finishedAt(),
                    errors);
        }
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(
            summary = "Nhập hồ sơ đảng viên từ tệp .xlsx theo mẫu (mode=all: tất cả hoặc không nhập;"
                    + " mode=valid: chỉ nhập các dòng hợp lệ; source: DIGITISED_PAPER, OPERATIONAL_SOFTWARE,"
                    + " CONNECTED_DATABASE)")
    ResponseEntity<?> upload(
            AccessScope scope,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String source)
            throws IOException {
        MemberImportSupport.Accepted accepted = support.accept(scope, file, mode, source);
        ImportJob job = imports.runNow(scope, accepted.jobId(), accepted.upload());
        if (job.status() == ImportJob.Status.REFUSED && !"member.import.rowsInvalid".equals(job.errorCode())
                || job.status() == ImportJob.Status.FAILED) {
            // The file as a whole: the same {"code","message"} as any other refusal.
            java.util.Map<String, String> error = new java.util.LinkedHashMap<>();
            error.put("code", String.valueOf(job.errorCode()));
            error.put("message", String.valueOf(job.errorMessage()));
            error.put("jobId", String.valueOf(job.id()));
            return ResponseEntity.status(
                            job.status() == ImportJob.Status.FAILED ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
                    .body(error);
        }
        JobJson body = JobJson.of(job, imports.errors(scope, job.id(), MemberImport.MAX_REPORTED));
        return ResponseEntity.status(
                        job.status() == ImportJob.Status.DONE ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Tình trạng một lần nhập của chính người gọi: số dòng đã đọc, lỗi, đã nhập, các dòng lỗi")
    JobJson job(AccessScope scope, @PathVariable long id) {
        ImportJob job = imports.job(scope, id).orElseThrow(() -> DomainException.notFound("member.import.notFound"));
        return JobJson.of(job, imports.errors(scope, id, MemberImport.MAX_REPORTED));
    }

    @GetMapping("/template")
    @Operation(summary = "Tệp mẫu .xlsx để nhập hồ sơ đảng viên (hướng dẫn, danh mục, chi bộ được cập nhật)")
    void template(AccessScope scope, HttpServletResponse response) throws IOException {
        response.setContentType(MemberImportSupport.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-nhap-dang-vien.xlsx\"");
        support.template(scope, response.getOutputStream());
    }
}
