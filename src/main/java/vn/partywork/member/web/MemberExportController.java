package vn.partywork.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/** The search page's "Xuất Excel" button: the current criteria's results as .xlsx (issue 5 item 5). */
@Controller
class MemberExportController {

    private final MemberExporter exporter;

    MemberExportController(MemberExporter exporter) {
        this.exporter = exporter;
    }

    /**
     * The file, or first the step-up page (ASVS 5.0 7.5.3: exporting personal data needs a code from
     * the last five minutes), which comes back to this same address and so starts the download.
     */
    @GetMapping("/members/export")
    void export(
            AccessScope scope,
            @AuthenticationPrincipal AccountPrincipal actor,
            @ModelAttribute MemberSearchForm form,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            exporter.export(scope, actor, form, response);
        } catch (DomainException e) {
            if (!e.code().equals("auth.stepUpRequired") || response.isCommitted()) {
                throw e;
            }
            String back =
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect("/account/step-up?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
    }
}
