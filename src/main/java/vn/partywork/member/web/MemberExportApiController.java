package vn.partywork.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.AccessScope;

/** {@code GET /api/v1/members/export?…}: the search's results as .xlsx for API clients (issue 5 item 5). */
@RestController
@Tag(name = "Đảng viên")
class MemberExportApiController {

    private final MemberExporter exporter;

    MemberExportApiController(MemberExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/v1/members/export")
    @Operation(
            summary = "Xuất kết quả tìm kiếm đảng viên (mọi trang, tối đa 100.000 dòng) ra tệp .xlsx;"
                    + " ghi một sự kiện EXPORT vào nhật ký")
    void export(
            AccessScope scope,
            @AuthenticationPrincipal AccountPrincipal actor,
            @ModelAttribute MemberSearchForm form,
            HttpServletResponse response)
            throws IOException {
        // A fresh code in the X-Partywork-Otp header for accounts with a second factor (ASVS 5.0 7.5.3).
        exporter.export(scope, actor, form, response);
    }
}
