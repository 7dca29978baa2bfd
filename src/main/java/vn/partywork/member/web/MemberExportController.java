package vn.partywork.member.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.partywork.shared.AccessScope;

/** The search page's "Xuất Excel" button: the current criteria's results as .xlsx (issue 5 item 5). */
@Controller
class MemberExportController {

    private final MemberExporter exporter;

    MemberExportController(MemberExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/members/export")
    void export(AccessScope scope, @ModelAttribute MemberSearchForm form, HttpServletResponse response)
            throws IOException {
        exporter.export(scope, form, response);
    }
}
