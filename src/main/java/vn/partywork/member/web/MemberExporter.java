package vn.partywork.member.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.StepUp;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.internal.xlsx.ExportWorkbook;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * Issue 5 item 5: the results of a search (every page) as .xlsx for the page's button and the
 * API, with the criteria of {@link MemberSearchForm}. Streamed: rows go to the client as they are
 * read, at most {@link #MAX_ROWS}. A refused search answers before anything is written (page: the
 * error page; API: {@code {"code","message"}}).
 */
@Component
class MemberExporter {

    /** A sane cap for one file: a province's members fit, the nation's do not (narrow the criteria). */
    static final int MAX_ROWS = 100_000;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT).withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final MemberRegistry registry;
    private final Accounts accounts;
    private final OrgDirectory orgs;
    private final Clock clock;
    private final StepUp stepUp;

    MemberExporter(MemberRegistry registry, Accounts accounts, OrgDirectory orgs, Clock clock, StepUp stepUp) {
        this.registry = registry;
        this.accounts = accounts;
        this.orgs = orgs;
        this.clock = clock;
        this.stepUp = stepUp;
    }

    /**
     * Writes the file; first (ASVS 5.0 7.5.3, issue 6 item 8) an account with a second factor must
     * have entered a code in the last five minutes — in the web session, or in the API request's
     * {@value StepUp#HEADER} header — or {@code auth.stepUpRequired} (403) is thrown before anything
     * is read or written.
     */
    void export(AccessScope scope, AccountPrincipal actor, MemberSearchForm form, HttpServletResponse response)
            throws IOException {
        stepUp.require(actor);
        MemberQuery query = form.query();
        Instant now = clock.instant();
        String exporter = accounts.byId(scope.accountId())
                .map(AccountView::displayName)
                .map(name -> name + " (" + scope.identifier() + ")")
                .orElse(scope.identifier());
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"dang-vien-" + FILE_STAMP.format(now) + ".xlsx\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        @Nullable ExportWorkbook[] workbook = {null};
        MemberRegistry.Exported exported;
        try {
            exported = registry.export(scope, query, MAX_ROWS, "xlsx", record -> {
                if (workbook[0] == null) {
                    workbook[0] = new ExportWorkbook(out);
                }
                workbook[0].add(record);
            });
        } catch (DomainException e) {
            if (workbook[0] == null && !response.isCommitted()) {
                response.reset(); // no file: the error answer takes the response
            }
            throw e;
        }
        if (workbook[0] == null) {
            workbook[0] = new ExportWorkbook(out); // no match: a file with the header row only
        }
        workbook[0].finish(exporter, now, criteria(query), exported.rows(), exported.truncated());
        out.flush();
    }

    /** The criteria as a reader of the file understands them. */
    private Map<String, String> criteria(MemberQuery query) {
        Map<String, String> text = new LinkedHashMap<>();
        put(text, "Họ và tên", query.name());
        put(text, "Số CCCD", query.citizenId());
        put(text, "Số thẻ đảng viên", query.partyCard());
        if (query.orgId() != null) {
            put(
                    text,
                    "Tổ chức đảng (gồm cả cấp dưới)",
                    orgs.current(query.orgId()).map(OrgSummary::name).orElse(String.valueOf(query.orgId())));
        }
        put(text, "Trạng thái", query.status() == null ? null : query.status().label());
        put(text, "Giới tính", query.gender() == null ? null : query.gender().label());
        put(text, "Tuổi từ", query.ageFrom());
        put(text, "Tuổi đến", query.ageTo());
        put(text, "Dân tộc (mã)", query.ethnicity());
        put(text, "Giáo dục phổ thông (mã)", query.education());
        put(text, "Lý luận chính trị (mã)", query.theory());
        put(text, "Năm vào Đảng", query.admissionYear());
        put(text, "Tại ngày", query.asOf());
        return text;
    }

    private static void put(Map<String, String> map, String label, @Nullable Object value) {
        if (value != null) {
            map.put(label, String.valueOf(value));
        }
    }
}
