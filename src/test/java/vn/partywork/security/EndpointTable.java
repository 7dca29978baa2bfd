package vn.partywork.security;

import static vn.partywork.security.Rule.ACCOUNT_MANAGER;
import static vn.partywork.security.Rule.APPROVAL_PARTY;
import static vn.partywork.security.Rule.APPROVE;
import static vn.partywork.security.Rule.AUDIT;
import static vn.partywork.security.Rule.BUSINESS_USER;
import static vn.partywork.security.Rule.CENTRAL_WRITE;
import static vn.partywork.security.Rule.DATA_OWNER;
import static vn.partywork.security.Rule.FILE_COMMENTER;
import static vn.partywork.security.Rule.FILE_EDITOR;
import static vn.partywork.security.Rule.FILE_OWNER_SIDE;
import static vn.partywork.security.Rule.FILE_READER;
import static vn.partywork.security.Rule.FILE_UPLOADER;
import static vn.partywork.security.Rule.MEMBER_AREA;
import static vn.partywork.security.Rule.MEMBER_READ;
import static vn.partywork.security.Rule.MEMBER_SELF;
import static vn.partywork.security.Rule.MEMBER_STATS;
import static vn.partywork.security.Rule.MEMBER_WRITE;
import static vn.partywork.security.Rule.ORG_READ;
import static vn.partywork.security.Rule.ORG_WRITE;
import static vn.partywork.security.Rule.OWN_ITEM;
import static vn.partywork.security.Rule.POSITION_MANAGER;
import static vn.partywork.security.Rule.PROPOSER;
import static vn.partywork.security.Rule.PUBLIC;
import static vn.partywork.security.Rule.RECORD_CREATOR;
import static vn.partywork.security.Rule.REQUESTER_OR_OWNER;
import static vn.partywork.security.Rule.SIGNED_IN;
import static vn.partywork.security.Rule.SYSTEM_ADMIN_ONLY;
import static vn.partywork.security.Rule.TRANSFER_ISSUER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.partywork.security.SecurityFixtures.Kind;

/**
 * Issue 6 item 10: every endpoint of the application with its access rule, in one declarative
 * table. {@link EndpointAccessMatrixTests} fails when the running application has a handler
 * mapping that is not listed here (so a new endpoint must be classified), calls every entry as
 * every {@link Principal} and checks allow versus deny, and keeps {@code docs/ENDPOINTS.md}
 * (generated from this table) up to date.
 */
final class EndpointTable {

    /**
     * One endpoint.
     *
     * @param kind the kind of record its {@code {id}} names, if it has one
     * @param query a query string that makes a sensible request (e.g. required parameters)
     * @param body the request body the matrix sends (JSON for the API, form fields for pages)
     * @param audited whether a successful call writes the audit log (a read of personal or
     *     classified data, or a change)
     * @param probeAllowed false where calling the endpoint as an allowed principal would spoil the
     *     run (it ends the caller's session); the refusals are still probed
     */
    record Entry(
            String method,
            String pattern,
            Rule rule,
            @Nullable Kind kind,
            String query,
            @Nullable String body,
            boolean audited,
            boolean probeAllowed,
            boolean validatesFirst,
            String note) {

        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean changes() {
            return !method.equals("GET");
        }

        Entry on(Kind k) {
            return new Entry(method, pattern, rule, k, query, body, audited, probeAllowed, validatesFirst, note);
        }

        Entry withQuery(String q) {
            return new Entry(method, pattern, rule, kind, q, body, audited, probeAllowed, validatesFirst, note);
        }

        Entry withBody(String b) {
            return new Entry(method, pattern, rule, kind, query, b, audited, probeAllowed, validatesFirst, note);
        }

        Entry notAudited() {
            return new Entry(method, pattern, rule, kind, query, body, false, probeAllowed, validatesFirst, note);
        }

        Entry readAudited() {
            return new Entry(method, pattern, rule, kind, query, body, true, probeAllowed, validatesFirst, note);
        }

        Entry noAllowedProbe(String why) {
            return new Entry(method, pattern, rule, kind, query, body, audited, false, validatesFirst, why);
        }

        /**
         * The endpoint checks its input before the caller's scope, so a refused principal may get
         * 400 for the matrix's empty input: the matrix then proves the URL-level rule, and the
         * module's tests named in the note prove the scope rule with valid input.
         */
        Entry inputFirst(String testedIn) {
            return new Entry(method, pattern, rule, kind, query, body, audited, probeAllowed, true, testedIn);
        }

        Entry withNote(String n) {
            return new Entry(method, pattern, rule, kind, query, body, audited, probeAllowed, validatesFirst, n);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    /** Served by Spring Security's filters, not by a handler mapping. */
    static final java.util.Set<String> FILTER_ENDPOINTS = java.util.Set.of("POST /login", "POST /logout");

    private static Entry get(String pattern, Rule rule) {
        return put(new Entry("GET", pattern, rule, null, "", null, false, true, false, ""));
    }

    private static Entry post(String pattern, Rule rule) {
        return put(new Entry("POST", pattern, rule, null, "", null, true, true, false, ""));
    }

    private static Entry other(String method, String pattern, Rule rule) {
        return put(new Entry(method, pattern, rule, null, "", null, true, true, false, ""));
    }

    private static Entry put(Entry e) {
        ENTRIES.put(e.key(), e);
        return e;
    }

    /** Replaces an entry with its refined form (the builders return copies). */
    private static void set(Entry e) {
        ENTRIES.put(e.key(), e);
    }

    static {
        // Sign-in, own account, errors, API documentation
        get("/login", PUBLIC);
        set(post("/login", PUBLIC)
                .noAllowedProbe("Spring Security's sign-in; LoginAndLockoutTests, WebHardeningTests"));
        set(get("/login/otp", PUBLIC).withNote("after the password, before the code"));
        set(post("/login/otp", PUBLIC).withNote("needs the pending sign-in of the session"));
        set(get("/login/limited", PUBLIC).noAllowedProbe("the 429 page of the sign-in rate limit"));
        set(post("/login/limited", PUBLIC).notAudited().noAllowedProbe("the 429 page of the sign-in rate limit"));
        set(post("/logout", SIGNED_IN).noAllowedProbe("ends the session; LOGOUT audited"));
        set(get("/error", PUBLIC)
                .noAllowedProbe("error page: the status of the failed request (500 when called directly)"));
        set(post("/error", PUBLIC).noAllowedProbe("error page: the status of the failed request"));
        get("/", SIGNED_IN);
        get("/account/password", SIGNED_IN);
        post("/account/password", SIGNED_IN);
        get("/account/mfa", SIGNED_IN);
        post("/account/mfa", SIGNED_IN);
        get("/account/step-up", SIGNED_IN);
        post("/account/step-up", SIGNED_IN);
        get("/account/device", SIGNED_IN);
        post("/account/device", SIGNED_IN);
        set(post("/api/v1/auth/token", PUBLIC)
                .noAllowedProbe(
                        "sign-in: password (+ otp); rate-limited (TokenAndAccessRuleTests, WebHardeningTests)"));
        set(post("/api/v1/auth/password", PUBLIC)
                .noAllowedProbe("password change with the old password; 401 for wrong credentials"
                        + " (AuthApiBadInputTests)"));
        set(post("/api/v1/auth/logout", SIGNED_IN).noAllowedProbe("revokes the caller's token"));
        set(get("/api/v1/me", SIGNED_IN));
        set(get("/api/docs", PUBLIC).withNote("Swagger UI; no business data"));
        set(get("/api/docs/openapi.json", PUBLIC));
        get("/api/docs/openapi.json.yaml", PUBLIC);
        get("/api/docs/openapi.json/swagger-config", PUBLIC);

        // Accounts, grants, devices, review (account managers)
        set(get("/admin/accounts", ACCOUNT_MANAGER).readAudited());
        get("/admin/accounts/new", ACCOUNT_MANAGER);
        post("/admin/accounts", ACCOUNT_MANAGER);
        set(get("/admin/accounts/{id}", ACCOUNT_MANAGER).on(Kind.ACCOUNT).readAudited());
        set(post("/admin/accounts/{id}/reset-password", ACCOUNT_MANAGER).on(Kind.ACCOUNT));
        set(post("/admin/accounts/{id}/handover", ACCOUNT_MANAGER).on(Kind.ACCOUNT));
        set(post("/admin/accounts/{id}/reset-mfa", ACCOUNT_MANAGER).on(Kind.ACCOUNT));
        set(post("/admin/accounts/{id}/{action:lock|unlock|deactivate|reactivate}", ACCOUNT_MANAGER)
                .on(Kind.ACCOUNT));
        set(get("/admin/orgs/pick", ACCOUNT_MANAGER).withQuery("?field=org&q=ha"));
        set(get("/admin/orgs/choose", ACCOUNT_MANAGER).withQuery("?field=org"));
        get("/admin/grants", ACCOUNT_MANAGER);
        post("/admin/grants", ACCOUNT_MANAGER);
        set(post("/admin/grants/{id}/revoke", ACCOUNT_MANAGER).on(Kind.GRANT));
        get("/admin/devices", ACCOUNT_MANAGER);
        post("/admin/devices", ACCOUNT_MANAGER);
        set(post("/admin/devices/{id}/{action:suspend|reactivate|revoke}", ACCOUNT_MANAGER)
                .on(Kind.DEVICE));
        get("/admin/review", ACCOUNT_MANAGER);
        post("/admin/review/done", ACCOUNT_MANAGER);
        set(post("/admin/accounts/{id}/position", POSITION_MANAGER).on(Kind.ACCOUNT));
        set(post("/api/v1/admin/accounts/{id}/position", POSITION_MANAGER)
                .on(Kind.ACCOUNT)
                .withBody("{}"));
        set(post("/admin/review/grants/{id}/confirm", ACCOUNT_MANAGER)
                .on(Kind.GRANT)
                .withQuery("?orgId={org}")
                .withNote("P-ID-5: keeps a grant that waits for review"));
        set(post("/admin/review/grants/{id}/revoke", ACCOUNT_MANAGER)
                .on(Kind.GRANT)
                .withQuery("?orgId={org}")
                .withNote("P-ID-5: revokes a grant that waits for review (fresh second factor)"));
        set(post("/api/v1/admin/grants/{id}/confirm-review", ACCOUNT_MANAGER)
                .on(Kind.GRANT)
                .withNote("P-ID-5: keeps a grant that waits for review"));
        set(get("/api/v1/admin/accounts", ACCOUNT_MANAGER).readAudited());
        set(post("/api/v1/admin/accounts", ACCOUNT_MANAGER).withBody("{}"));
        set(get("/api/v1/admin/accounts/{id}", ACCOUNT_MANAGER).on(Kind.ACCOUNT).readAudited());
        for (String action :
                List.of("reset-password", "handover", "reset-mfa", "lock", "unlock", "deactivate", "reactivate")) {
            set(post("/api/v1/admin/accounts/{id}/" + action, ACCOUNT_MANAGER)
                    .on(Kind.ACCOUNT)
                    .withBody("{}"));
        }
        get("/api/v1/admin/grants", ACCOUNT_MANAGER);
        set(post("/api/v1/admin/grants", ACCOUNT_MANAGER).withBody("{}"));
        set(post("/api/v1/admin/grants/{id}/revoke", ACCOUNT_MANAGER).on(Kind.GRANT));
        get("/api/v1/admin/devices", ACCOUNT_MANAGER);
        set(post("/api/v1/admin/devices", ACCOUNT_MANAGER).withBody("{}"));
        for (String action : List.of("suspend", "reactivate", "revoke")) {
            set(post("/api/v1/admin/devices/{id}/" + action, ACCOUNT_MANAGER).on(Kind.DEVICE));
        }
        set(post("/api/v1/admin/documents/keys/rotate", SYSTEM_ADMIN_ONLY).withNote("master key rotation"));

        // Organisations
        get("/orgs", BUSINESS_USER);
        set(get("/orgs/pick", BUSINESS_USER).withQuery("?field=org&q=ha"));
        set(get("/orgs/{id}", ORG_READ).on(Kind.ORG));
        set(get("/orgs/{id}/children", ORG_READ).on(Kind.ORG));
        for (String change : List.of("establish", "rename", "transfer", "split", "merge", "absorb", "dissolve")) {
            set(post("/orgs/{id}/" + change, ORG_WRITE).on(Kind.ORG));
        }
        set(get("/api/v1/orgs", BUSINESS_USER).withQuery("?q=hang"));
        get("/api/v1/orgs/roots", BUSINESS_USER);
        get("/api/v1/orgs/counts", BUSINESS_USER);
        set(get("/api/v1/orgs/{id}", ORG_READ).on(Kind.ORG));
        set(get("/api/v1/orgs/{id}/children", ORG_READ).on(Kind.ORG));
        set(get("/api/v1/orgs/{id}/descendants", ORG_READ).on(Kind.ORG));
        set(get("/api/v1/orgs/{id}/history", ORG_READ).on(Kind.ORG));
        set(post("/api/v1/orgs", ORG_WRITE).withBody("{}"));
        for (String change : List.of("rename", "transfer", "split", "absorb", "dissolve")) {
            set(post("/api/v1/orgs/{id}/" + change, ORG_WRITE).on(Kind.ORG).withBody("{}"));
        }
        set(post("/api/v1/orgs/merge", ORG_WRITE).withBody("{}"));

        // Members
        set(get("/members", MEMBER_AREA).readAudited());
        get("/members/orgs/pick", MEMBER_AREA);
        get("/members/orgs/choose", MEMBER_AREA);
        set(get("/members/{id}", MEMBER_READ).on(Kind.MEMBER).readAudited());
        set(get("/me/record", BUSINESS_USER).readAudited().withNote("the caller's own member record, if it has one"));
        set(get("/members/new", MEMBER_AREA).withNote("the form; its cell picker offers only cells the caller writes"));
        set(post("/members/new", MEMBER_WRITE).inputFirst("MemberPagesTests"));
        set(get("/members/{id}/party", MEMBER_WRITE).on(Kind.MEMBER));
        set(post("/members/{id}/party", MEMBER_WRITE).on(Kind.MEMBER).inputFirst("MemberPagesTests"));
        set(get("/members/{id}/propose", PROPOSER).on(Kind.MEMBER));
        set(post("/members/{id}/propose", PROPOSER).on(Kind.MEMBER).inputFirst("MemberCorrectionTests"));
        set(get("/members/{id}/events/new", MEMBER_WRITE).on(Kind.MEMBER).withQuery("?kind=DEATH"));
        set(post("/members/{id}/events", MEMBER_WRITE).on(Kind.MEMBER).inputFirst("MemberEventPagesTests"));
        set(get("/members/{id}/transfer", TRANSFER_ISSUER).on(Kind.MEMBER));
        set(post("/members/{id}/transfer", TRANSFER_ISSUER).on(Kind.MEMBER).inputFirst("MemberTransferTests"));
        set(post("/members/{id}/documents", MEMBER_WRITE)
                .on(Kind.MEMBER)
                .inputFirst("MemberEventPagesTests (multipart)"));
        get("/members/transfers", MEMBER_AREA);
        for (String step : List.of("accept", "cancel", "return")) {
            set(post("/members/transfers/{id}/" + step, MEMBER_WRITE).on(Kind.TRANSFER));
        }
        set(get("/members/export", MEMBER_AREA).readAudited().withNote("exports only the caller's scope"));
        set(get("/members/stats", MEMBER_STATS).withQuery("?org={org}"));
        set(get("/members/stats.xlsx", MEMBER_STATS).withQuery("?org={org}"));
        get("/members/import", MEMBER_AREA);
        get("/members/import/template", MEMBER_AREA);
        set(post("/members/import", MEMBER_WRITE).inputFirst("MemberXlsxTests (multipart)"));
        set(get("/members/import/{id}", OWN_ITEM).on(Kind.IMPORT_JOB));
        set(get("/members/import/{id}/status", OWN_ITEM).on(Kind.IMPORT_JOB));
        set(get("/members/import/{id}/errors.xlsx", OWN_ITEM).on(Kind.IMPORT_JOB));
        set(get("/api/v1/members", MEMBER_AREA).withQuery("?q=kiem%20thu").readAudited());
        set(get("/api/v1/members/me", MEMBER_SELF).readAudited());
        set(get("/api/v1/members/{id}", MEMBER_READ).on(Kind.MEMBER).readAudited());
        set(get("/api/v1/members/{id}/history", MEMBER_READ).on(Kind.MEMBER).readAudited());
        set(post("/api/v1/members", MEMBER_WRITE).withBody("{}"));
        set(other("PUT", "/api/v1/members/{id}", MEMBER_WRITE).on(Kind.MEMBER).withBody("{}"));
        set(post("/api/v1/members/{id}/proposals", MEMBER_SELF).on(Kind.MEMBER).withBody("{}"));
        set(post("/api/v1/members/{id}/transfers", TRANSFER_ISSUER)
                .on(Kind.MEMBER)
                .inputFirst("MemberTransferTests"));
        set(get("/api/v1/members/{id}/transfers", MEMBER_READ).on(Kind.MEMBER));
        get("/api/v1/members/transfers", MEMBER_AREA);
        for (String step : List.of("accept", "return", "cancel")) {
            set(post("/api/v1/members/transfers/{id}/" + step, MEMBER_WRITE)
                    .on(Kind.TRANSFER)
                    .withBody("{}"));
        }
        set(get("/api/v1/members/{id}/events", MEMBER_READ).on(Kind.MEMBER));
        set(post("/api/v1/members/{id}/events", MEMBER_WRITE).on(Kind.MEMBER).withBody("{}"));
        set(get("/api/v1/members/{id}/documents", MEMBER_READ).on(Kind.MEMBER).readAudited());
        set(post("/api/v1/members/{id}/documents", MEMBER_WRITE).on(Kind.MEMBER));
        set(get("/api/v1/members/export", MEMBER_AREA).readAudited().withNote("exports only the caller's scope"));
        set(get("/api/v1/members/stats", MEMBER_STATS).withQuery("?org={org}"));
        post("/api/v1/members/import", MEMBER_WRITE);
        set(get("/api/v1/members/import/{id}", OWN_ITEM).on(Kind.IMPORT_JOB));
        get("/api/v1/members/import/template", MEMBER_AREA);

        // Files and their shares (P-AZ-2); {shareId}: a share of the sample file made by its uploader
        set(get("/documents/{id}", FILE_READER).on(Kind.DOCUMENT).readAudited());
        set(get("/api/v1/documents/{id}", FILE_READER).on(Kind.DOCUMENT).readAudited());
        set(get("/documents/{id}/info", FILE_READER)
                .on(Kind.DOCUMENT)
                .withNote("the file's page: what the caller may do with it, directly or through a share"));
        set(get("/api/v1/documents/{id}/info", FILE_READER).on(Kind.DOCUMENT));
        set(get("/api/v1/documents/{id}/shares", FILE_OWNER_SIDE).on(Kind.DOCUMENT));
        set(post("/api/v1/documents/{id}/shares", FILE_UPLOADER)
                .on(Kind.DOCUMENT)
                .withBody("{}"));
        set(post("/documents/{id}/shares", FILE_UPLOADER).on(Kind.DOCUMENT));
        set(other("DELETE", "/api/v1/documents/{id}/shares/{shareId}", FILE_UPLOADER)
                .on(Kind.DOCUMENT)
                .withNote("the uploader, or whoever made the share; a share of another file answers 404"));
        set(post("/documents/{id}/shares/{shareId}/revoke", FILE_UPLOADER)
                .on(Kind.DOCUMENT)
                .withNote("the uploader, or whoever made the share; a share of another file answers 404"));
        set(get("/api/v1/documents/{id}/comments", FILE_COMMENTER)
                .on(Kind.DOCUMENT)
                .readAudited());
        set(post("/api/v1/documents/{id}/comments", FILE_COMMENTER)
                .on(Kind.DOCUMENT)
                .withBody("{}"));
        set(post("/documents/{id}/comments", FILE_COMMENTER).on(Kind.DOCUMENT));
        set(other("PUT", "/api/v1/documents/{id}/description", FILE_EDITOR)
                .on(Kind.DOCUMENT)
                .withBody("{}"));
        set(post("/documents/{id}/description", FILE_EDITOR).on(Kind.DOCUMENT));
        set(get("/shares/received", BUSINESS_USER).withNote("the caller's own shares in force"));
        set(get("/api/v1/shares/received", BUSINESS_USER).withNote("the caller's own shares in force"));
        set(get("/shares/accounts/pick", RECORD_CREATOR).withQuery("?q=hn"));
        set(get("/shares/accounts/choose", RECORD_CREATOR).withQuery("?identifier=hn.tochuc"));

        // Approvals and corrections
        get("/approvals", BUSINESS_USER);
        get("/approvals/sent", BUSINESS_USER);
        get("/approvals/monitor", BUSINESS_USER);
        set(get("/approvals/{id}", APPROVAL_PARTY).on(Kind.APPROVAL));
        set(post("/approvals/{id}/act", APPROVE).on(Kind.APPROVAL));
        set(post("/approvals/{id}/resubmit", APPROVAL_PARTY).on(Kind.APPROVAL));
        set(post("/approvals/{id}/withdraw", APPROVAL_PARTY).on(Kind.APPROVAL));
        set(post("/api/v1/approvals", BUSINESS_USER).withBody("{}"));
        get("/api/v1/approvals/inbox", BUSINESS_USER);
        get("/api/v1/approvals/sent", BUSINESS_USER);
        get("/api/v1/approvals/overdue", BUSINESS_USER);
        set(get("/api/v1/approvals/{id}", APPROVAL_PARTY).on(Kind.APPROVAL));
        set(post("/api/v1/approvals/{id}/act", APPROVE).on(Kind.APPROVAL).withBody("{}"));
        set(post("/api/v1/approvals/{id}/resubmit", APPROVAL_PARTY)
                .on(Kind.APPROVAL)
                .withBody("{}"));
        set(post("/api/v1/approvals/{id}/withdraw", APPROVAL_PARTY)
                .on(Kind.APPROVAL)
                .withBody("{}"));
        set(get("/corrections/new", PROPOSER).withQuery("?type=member&record={member}"));
        post("/corrections", BUSINESS_USER);
        set(get("/api/v1/corrections/form", PROPOSER).withQuery("?type=member&record={member}"));
        post("/api/v1/corrections", BUSINESS_USER);
        set(get("/api/v1/corrections/{id}", APPROVAL_PARTY)
                .on(Kind.CORRECTION)
                .noAllowedProbe("no correction request in the fixture data: CorrectionRequestsTests"));

        // Data access requests (P-AZ-4)
        get("/data-access", BUSINESS_USER);
        get("/data-access/register", BUSINESS_USER);
        get("/data-access/new", BUSINESS_USER);
        post("/data-access", BUSINESS_USER);
        set(get("/data-access/{id}", REQUESTER_OR_OWNER).on(Kind.DATA_ACCESS));
        set(post("/data-access/{id}/approve", DATA_OWNER).on(Kind.DATA_ACCESS));
        set(post("/data-access/{id}/reject", DATA_OWNER).on(Kind.DATA_ACCESS));
        get("/api/v1/data-access/register", BUSINESS_USER);
        set(post("/api/v1/data-access/requests", BUSINESS_USER).withBody("{}"));
        get("/api/v1/data-access/requests", BUSINESS_USER);
        get("/api/v1/data-access/requests/waiting", BUSINESS_USER);
        set(get("/api/v1/data-access/requests/{id}", REQUESTER_OR_OWNER).on(Kind.DATA_ACCESS));
        set(post("/api/v1/data-access/requests/{id}/approve", DATA_OWNER)
                .on(Kind.DATA_ACCESS)
                .withBody("{}"));
        set(post("/api/v1/data-access/requests/{id}/reject", DATA_OWNER)
                .on(Kind.DATA_ACCESS)
                .withBody("{}"));

        // Notifications
        get("/notifications", BUSINESS_USER);
        set(post("/notifications/{id}/open", OWN_ITEM).on(Kind.NOTIFICATION).notAudited());
        set(post("/notifications/{id}/read", OWN_ITEM).on(Kind.NOTIFICATION).notAudited());
        set(post("/notifications/read-all", BUSINESS_USER).notAudited());
        get("/notifications/settings", BUSINESS_USER);
        post("/notifications/settings", BUSINESS_USER);
        get("/api/v1/notifications", BUSINESS_USER);
        get("/api/v1/notifications/unread-count", BUSINESS_USER);
        set(post("/api/v1/notifications/{id}/read", OWN_ITEM)
                .on(Kind.NOTIFICATION)
                .notAudited());
        set(post("/api/v1/notifications/read-all", BUSINESS_USER).notAudited());
        get("/api/v1/notifications/settings", BUSINESS_USER);
        set(other("PUT", "/api/v1/notifications/settings", BUSINESS_USER).withBody("{}"));

        // Audit log
        set(get("/audit", AUDIT).readAudited());
        set(get("/audit/history", AUDIT).withQuery("?targetType=organisation&targetId=1"));
        set(get("/audit/export.csv", AUDIT).readAudited());
        get("/audit/verify", AUDIT);
        post("/audit/checkpoints", AUDIT);
        get("/api/v1/audit/verify", AUDIT);
        set(get("/api/v1/audit/events", AUDIT).readAudited());
        set(get("/api/v1/audit/history", AUDIT).withQuery("?targetType=organisation&targetId=1"));
        post("/api/v1/audit/checkpoints", AUDIT);

        // Calendar and catalogues (reference data)
        get("/calendar", BUSINESS_USER);
        post("/calendar/overrides", CENTRAL_WRITE);
        post("/calendar/overrides/{date}/withdraw", CENTRAL_WRITE);
        set(get("/api/v1/calendar/holidays", BUSINESS_USER).withQuery("?year=2026"));
        set(get("/api/v1/calendar/add-working-days", BUSINESS_USER).withQuery("?from=2026-12-01&days=3"));
        set(get("/api/v1/calendar/working-days-between", BUSINESS_USER).withQuery("?from=2026-12-01&to=2026-12-31"));
        get("/api/v1/calendar/days/{date}", BUSINESS_USER);
        set(get("/api/v1/calendar/overrides", BUSINESS_USER).withQuery("?year=2026"));
        set(post("/api/v1/calendar/overrides", CENTRAL_WRITE).withBody("{}"));
        other("DELETE", "/api/v1/calendar/overrides/{date}", CENTRAL_WRITE);
        get("/catalogues", BUSINESS_USER);
        get("/api/v1/catalogues", BUSINESS_USER);
        get("/api/v1/catalogues/{code}", BUSINESS_USER);

        // Endpoints that check their input (JSON body, required parameters, the multipart form)
        // before the caller's scope: a caller outside the rule gets 400/415 (or the form again) for
        // the matrix's empty input. The filter chain's rules (anonymous, system administrator) still
        // refuse first; the scope rule with valid input is proven by the named tests.
        inputFirst(
                "OrgApiTests, OrgScopeIsolationTests, OrgRestructuringApiTests",
                "POST /api/v1/orgs",
                "POST /api/v1/orgs/{id}/rename",
                "POST /api/v1/orgs/{id}/transfer",
                "POST /api/v1/orgs/{id}/split",
                "POST /api/v1/orgs/{id}/absorb",
                "POST /api/v1/orgs/{id}/dissolve",
                "POST /api/v1/orgs/merge");
        inputFirst(
                "OrgPagesTests, DemoAccountScopeTests",
                "POST /orgs/{id}/establish",
                "POST /orgs/{id}/rename",
                "POST /orgs/{id}/transfer",
                "POST /orgs/{id}/split",
                "POST /orgs/{id}/merge",
                "POST /orgs/{id}/absorb",
                "POST /orgs/{id}/dissolve");
        inputFirst("MemberApiTests", "POST /api/v1/members", "PUT /api/v1/members/{id}");
        inputFirst("MemberLifeEventTests", "POST /api/v1/members/{id}/events");
        inputFirst("MemberCorrectionTests", "POST /api/v1/members/{id}/proposals");
        inputFirst(
                "MemberTransferTests",
                "POST /api/v1/members/transfers/{id}/accept",
                "POST /api/v1/members/transfers/{id}/return",
                "POST /api/v1/members/transfers/{id}/cancel",
                "POST /members/transfers/{id}/accept",
                "POST /members/transfers/{id}/cancel",
                "POST /members/transfers/{id}/return");
        inputFirst("DocumentsTests (multipart)", "POST /api/v1/members/{id}/documents");
        inputFirst("MemberXlsxTests (multipart)", "POST /api/v1/members/import");
        inputFirst(
                "ApprovalApiTests, ApprovalPagesTests",
                "POST /api/v1/approvals/{id}/act",
                "POST /api/v1/approvals/{id}/resubmit",
                "POST /api/v1/approvals/{id}/withdraw",
                "POST /approvals/{id}/act",
                "POST /approvals/{id}/resubmit",
                "POST /approvals/{id}/withdraw");
        inputFirst(
                "DataAccessRequestsTests",
                "POST /api/v1/data-access/requests/{id}/approve",
                "POST /api/v1/data-access/requests/{id}/reject",
                "POST /data-access/{id}/approve",
                "POST /data-access/{id}/reject");
        inputFirst(
                "CalendarApiTests, CalendarPagesTests", "POST /api/v1/calendar/overrides", "POST /calendar/overrides");
    }

    private static void inputFirst(String testedIn, String... keys) {
        for (String key : keys) {
            Entry e = ENTRIES.get(key);
            if (e == null) {
                throw new IllegalStateException("no entry " + key);
            }
            ENTRIES.put(key, e.inputFirst(testedIn));
        }
    }

    static Map<String, Entry> entries() {
        return Collections.unmodifiableMap(ENTRIES);
    }

    static List<Entry> list() {
        return new ArrayList<>(ENTRIES.values());
    }

    private EndpointTable() {}
}
