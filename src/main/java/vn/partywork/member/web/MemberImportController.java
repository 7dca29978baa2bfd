package vn.partywork.member.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.partywork.member.DataSource;
import vn.partywork.member.internal.xlsx.ImportJob;
import vn.partywork.member.internal.xlsx.ImportWorkbooks;
import vn.partywork.member.internal.xlsx.MemberImport;
import vn.partywork.member.internal.xlsx.RowError;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * Import page (issue 5 item 6): the template, the upload form (file, source, mode), and the job's
 * page whose counts htmx polls until it ends; then the error table and the error report.
 */
@Controller
class MemberImportController {

    /** Error rows shown on the page; the report has them all (up to MemberImport.MAX_REPORTED). */
    static final int SHOWN_ERRORS = 200;

    private final MemberImportSupport support;
    private final MemberImport imports;
    private final MessageSource messages;

    MemberImportController(MemberImportSupport support, MemberImport imports, MessageSource messages) {
        this.support = support;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/members/import")
    String form(Model model) {
        return form(model, null, "all", DataSource.DIGITISED_PAPER.name());
    }

    private String form(Model model, @Nullable String error, String mode, String source) {
        model.addAttribute("formError", error);
        model.addAttribute("mode", mode);
        model.addAttribute("source", source);
        model.addAttribute(
                "sources",
                List.of(DataSource.DIGITISED_PAPER, DataSource.OPERATIONAL_SOFTWARE, DataSource.CONNECTED_DATABASE));
        model.addAttribute("maxMb", MemberImport.MAX_FILE / 1024 / 1024);
        model.addAttribute("maxRows", MemberImport.MAX_ROWS);
        return "members/import";
    }

    @GetMapping("/members/import/template")
    void template(AccessScope scope, HttpServletResponse response) throws IOException {
        response.setContentType(MemberImportSupport.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-nhap-dang-vien.xlsx\"");
        support.template(scope, response.getOutputStream());
    }

    @PostMapping("/members/import")
    String upload(
            AccessScope scope,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String source,
            Model model)
            throws IOException {
        String shownMode = mode == null ? "all" : mode;
        String shownSource = source == null ? DataSource.DIGITISED_PAPER.name() : source;
        try {
            MemberImportSupport.Accepted accepted = support.accept(scope, file, mode, source);
            imports.start(scope, accepted.jobId(), accepted.upload());
            return "redirect:/members/import/" + accepted.jobId();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(model, text("error." + e.code(), e.args()), shownMode, shownSource);
        }
    }

    @GetMapping("/members/import/{id}")
    String job(AccessScope scope, @PathVariable long id, Model model) {
        fill(scope, id, model);
        return "members/import-job";
    }

    /** The job's state for htmx polling: the fragment stops polling when the job has ended. */
    @GetMapping("/members/import/{id}/status")
    String status(AccessScope scope, @PathVariable long id, Model model) {
        fill(scope, id, model);
        return "members/import-job :: status";
    }

    @GetMapping("/members/import/{id}/errors.xlsx")
    void report(AccessScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        ImportJob job = imports.job(scope, id).orElseThrow(() -> DomainException.notFound("member.import.notFound"));
        List<RowError> errors = imports.errors(scope, id, MemberImport.MAX_REPORTED);
        response.setContentType(MemberImportSupport.XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loi-nhap-dang-vien-" + id + ".xlsx\"");
        ImportWorkbooks.errors(response.getOutputStream(), job, errors, job.rowsInvalid() > errors.size());
    }

    private void fill(AccessScope scope, long id, Model model) {
        ImportJob job = imports.job(scope, id).orElseThrow(() -> DomainException.notFound("member.import.notFound"));
        model.addAttribute("job", job);
        model.addAttribute("errors", job.finished() ? imports.errors(scope, id, SHOWN_ERRORS) : List.<RowError>of());
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        model.addAttribute("sourceLabel", DataSource.valueOf(job.source()).label());
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
