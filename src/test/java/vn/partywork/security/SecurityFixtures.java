package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.access.AccessScopes;
import vn.partywork.access.GrantView;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.document.DocumentInfo;
import vn.partywork.document.Documents;
import vn.partywork.document.NewDocument;
import vn.partywork.document.SampleFiles;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.NewAccount;
import vn.partywork.identity.NewDevice;
import vn.partywork.member.MemberDocuments;
import vn.partywork.member.MemberTestData;
import vn.partywork.notification.NewNotification;
import vn.partywork.notification.NotificationKind;
import vn.partywork.notification.Notifications;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;

/**
 * What the security suite works on, made once per test JVM (the suite shares one Spring context
 * and one database): a signed-in caller per {@link Principal}, and for every kind of record an
 * id inside the callers' scope (Chi bộ Hàng Bạc, Hà Nội, or owned by {@code hn.tochuc}), one
 * outside it (TP. Hồ Chí Minh, or owned by {@code hcm.tochuc}) and one that does not exist.
 */
final class SecurityFixtures {

    /** Kinds of records addressed by an id in a URL. */
    enum Kind {
        ORG,
        MEMBER,
        TRANSFER,
        IMPORT_JOB,
        NOTIFICATION,
        APPROVAL,
        CORRECTION,
        DATA_ACCESS,
        DOCUMENT,
        ACCOUNT,
        GRANT,
        DEVICE
    }

    /** Where a sample id lies relative to the callers' scope. */
    enum Target {
        IN_SCOPE,
        OUT_OF_SCOPE,
        MISSING
    }

    static final String PAGE_OVERRIDE_DAY = "2098-06-03";
    static final String API_OVERRIDE_DAY = "2098-06-04";

    private static @Nullable SecurityFixtures instance;

    final int port;
    final JdbcClient jdbc;
    final Map<Principal, Caller> callers = new EnumMap<>(Principal.class);
    final Map<Principal, String> identifiers = new EnumMap<>(Principal.class);
    private final Map<Kind, long[]> samples = new EnumMap<>(Kind.class);
    /** Share ids ({@code {shareId}}) by target, for the API (true) and the page (false). */
    private final Map<Boolean, long[]> shareSamples = new java.util.HashMap<>();

    final long hangBac;
    final long hcmCell;
    /** The in-scope member's name and CCCD, which must never show in a refused answer. */
    final String memberInName;

    final String memberOutName;
    final String memberOutCitizenId;
    /** A Mật file on the in-scope member: above the low-ceiling caller's ceiling. */
    final long confidentialDocument;

    static synchronized SecurityFixtures get(ApplicationContext context, int port) {
        if (instance == null || instance.port != port) {
            instance = new SecurityFixtures(context, port);
        }
        return instance;
    }

    private SecurityFixtures(ApplicationContext context, int port) {
        this.port = port;
        this.jdbc = context.getBean(JdbcClient.class);
        AccountAdministration administration = context.getBean(AccountAdministration.class);
        Accounts accounts = context.getBean(Accounts.class);
        Grants grants = context.getBean(Grants.class);
        DeviceRegister devices = context.getBean(DeviceRegister.class);
        Documents documents = context.getBean(Documents.class);
        AccessScopes scopes = context.getBean(AccessScopes.class);
        Notifications notifications = context.getBean(Notifications.class);
        DemoOrgs orgs = new DemoOrgs(jdbc);
        LocalDate today = DemoOrgs.today();

        long hanoi = orgs.id(DemoOrgs.HANOI);
        long hcm = orgs.id(DemoOrgs.HCM);
        hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        hcmCell = jdbc.sql("""
                        SELECT s.cell_id FROM member.membership s JOIN member.member m ON m.id = s.member_id
                         WHERE m.full_name = 'Trần Thị Bích Ngọc' AND s.valid_to = 'infinity' LIMIT 1""").query(Long.class).single();
        AccountPrincipal admin = accounts.byIdentifier("admin").orElseThrow().principal();
        Set<Database> orgData = EnumSet.of(Database.ORGANISATION_MEMBER, Database.HANDBOOK);

        // Fixture principals: accounts in Hà Nội with the grant states the demo accounts lack.
        for (Principal p : Principal.values()) {
            if (p.demoIdentifier != null) {
                identifiers.put(p, p.demoIdentifier);
            }
        }
        AccountView viewer = account(administration, "kt.sec.viewer", hanoi);
        grants.grantForSeeding(
                grant(viewer.id(), Role.VIEWER, hanoi, orgData, Classification.CONFIDENTIAL, null, null));
        identifiers.put(Principal.VIEWER, viewer.identifier());
        AccountView low = account(administration, "kt.sec.low", hanoi);
        grants.grantForSeeding(
                grant(low.id(), Role.ORG_STAFF, hanoi, orgData, Classification.UNCLASSIFIED, null, null));
        identifiers.put(Principal.LOW_CEILING, low.identifier());
        AccountView expired = account(administration, "kt.sec.expired", hanoi);
        grants.grantForSeeding(grant(
                expired.id(),
                Role.ORG_STAFF,
                hanoi,
                orgData,
                Classification.CONFIDENTIAL,
                today.minusDays(60),
                today.minusDays(1)));
        identifiers.put(Principal.EXPIRED_GRANT, expired.identifier());
        AccountView revoked = account(administration, "kt.sec.revoked", hanoi);
        GrantView toRevoke = grants.grantForSeeding(
                grant(revoked.id(), Role.ORG_STAFF, hanoi, orgData, Classification.CONFIDENTIAL, null, null));
        grants.revoke(admin, toRevoke.id(), toRevoke.version());
        identifiers.put(Principal.REVOKED_GRANT, revoked.identifier());
        AccountView none = account(administration, "kt.sec.none", hanoi);
        identifiers.put(Principal.NO_GRANT, none.identifier());
        // P-AZ-3: statistics of Hà Nội's members, no detail record.
        AccountView aggregate = account(administration, "kt.sec.aggregate", hanoi);
        grants.grantForSeeding(new NewGrant(
                aggregate.id(),
                Role.VIEWER,
                hanoi,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                null,
                null,
                "KT-BM/2026 (phiếu khai thác)",
                null,
                true));
        identifiers.put(Principal.AGGREGATE_VIEWER, aggregate.identifier());
        // P-AZ-2: staff of TP. Hồ Chí Minh, given a READ share of the in-scope file below.
        AccountView grantee = account(administration, "kt.sec.grantee", hcm);
        grants.grantForSeeding(
                grant(grantee.id(), Role.ORG_STAFF, hcm, orgData, Classification.CONFIDENTIAL, null, null));
        identifiers.put(Principal.SHARE_GRANTEE, grantee.identifier());
        AccountView shareTarget = account(administration, "kt.sec.share", hcm);
        grants.grantForSeeding(
                grant(shareTarget.id(), Role.VIEWER, hcm, orgData, Classification.UNCLASSIFIED, null, null));
        AccountView shareTargetB = account(administration, "kt.sec.share", hcm);
        grants.grantForSeeding(
                grant(shareTargetB.id(), Role.VIEWER, hcm, orgData, Classification.UNCLASSIFIED, null, null));

        // Accounts, grants and devices to be managed: one in Hà Nội, one in TP. Hồ Chí Minh.
        AccountView accountIn = account(administration, "kt.sec.target", hangBac);
        AccountView accountOut = account(administration, "kt.sec.target.hcm", hcm);
        GrantView grantIn = grants.grantForSeeding(
                grant(accountIn.id(), Role.VIEWER, hangBac, orgData, Classification.UNCLASSIFIED, null, null));
        GrantView grantOut = grants.grantForSeeding(
                grant(accountOut.id(), Role.VIEWER, hcm, orgData, Classification.UNCLASSIFIED, null, null));
        long deviceIn = devices.register(
                        admin, new NewDevice("Máy kiểm thử bảo mật HN", accountIn.identifier(), null, null))
                .device()
                .id();
        long deviceOut = devices.register(
                        admin, new NewDevice("Máy kiểm thử bảo mật HCM", accountOut.identifier(), null, null))
                .device()
                .id();

        // Members, transfers and files: created through the API by each city's staff.
        ApiClient hnStaff = ApiClient.as(port, "hn.tochuc");
        ApiClient hcmStaff = ApiClient.as(port, "hcm.tochuc");
        memberInName = "Kiểm Thử Bảo Mật Hà Nội";
        memberOutName = "Kiểm Thử Bảo Mật Sài Gòn";
        long memberIn = MemberTestData.create(hnStaff, hangBac, memberInName);
        long memberOut = MemberTestData.create(hcmStaff, hcmCell, memberOutName);
        memberOutCitizenId = jdbc.sql("SELECT citizen_id FROM member.member WHERE id = :id")
                .param("id", memberOut)
                .query(String.class)
                .single();
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long movingIn = MemberTestData.create(hnStaff, hangBac, "Kiểm Thử Bảo Mật Chuyển Đi");
        long transferIn = transfer(hnStaff, movingIn, hangDao);
        long otherHcmCell = jdbc.sql("""
                        SELECT DISTINCT s.cell_id FROM member.membership s
                          JOIN org.organisation_version v ON v.org_id = s.cell_id AND v.valid_to = 'infinity'
                         WHERE s.valid_to = 'infinity' AND s.cell_id <> :cell
                           AND v.path <@ (SELECT path FROM org.organisation_version WHERE org_id = :hcm AND valid_to = 'infinity')
                         ORDER BY s.cell_id LIMIT 1""")
                .param("cell", hcmCell)
                .param("hcm", hcm)
                .query(Long.class)
                .single();
        long transferOut = transfer(hcmStaff, memberOut, otherHcmCell);
        long documentIn = documents
                .store(
                        scopes.forAccount(accountId(accounts, "hn.tochuc"), today),
                        new NewDocument(
                                MemberDocuments.OWNER_TYPE,
                                String.valueOf(memberIn),
                                "quyet-dinh.pdf",
                                SampleFiles.pdf("Quyết định kiểm thử HN"),
                                Classification.UNCLASSIFIED))
                .id();
        confidentialDocument = documents
                .store(
                        scopes.forAccount(accountId(accounts, "hn.tochuc"), today),
                        new NewDocument(
                                MemberDocuments.OWNER_TYPE,
                                String.valueOf(memberIn),
                                "mat.pdf",
                                SampleFiles.pdf("Tài liệu Mật kiểm thử HN"),
                                Classification.CONFIDENTIAL))
                .id();
        DocumentInfo documentOut = documents.store(
                scopes.forAccount(accountId(accounts, "hcm.tochuc"), today),
                new NewDocument(
                        MemberDocuments.OWNER_TYPE,
                        String.valueOf(memberOut),
                        "quyet-dinh.pdf",
                        SampleFiles.pdf("Quyết định kiểm thử HCM"),
                        Classification.UNCLASSIFIED));

        long missing = 900_000_000L;
        // Shares (P-AZ-2), made by the uploaders: the grantee principal's READ share of the in-scope
        // file; two more of it to revoke, one for the API and one for the page; one of the other
        // city's file.
        String lastDay = today.plusDays(30).toString();
        share(hnStaff, documentIn, grantee.identifier(), "READ", lastDay);
        long shareInApi = share(hnStaff, documentIn, shareTarget.identifier(), "READ", lastDay);
        long shareInPage = share(hnStaff, documentIn, shareTargetB.identifier(), "COMMENT", lastDay);
        long shareOut = share(hcmStaff, documentOut.id(), shareTarget.identifier(), "READ", lastDay);
        shareSamples.put(true, new long[] {shareInApi, shareOut, missing});
        shareSamples.put(false, new long[] {shareInPage, shareOut, missing});

        // Per-account records: owned by hn.tochuc (in scope for ORG_STAFF) and by hcm.tochuc.
        long hnStaffId = accountId(accounts, "hn.tochuc");
        long hcmStaffId = accountId(accounts, "hcm.tochuc");
        long notificationIn = notification(notifications, hnStaffId);
        long notificationOut = notification(notifications, hcmStaffId);
        long importIn = importJob(hnStaffId);
        long importOut = importJob(hcmStaffId);
        long dataAccessIn = dataAccess(hnStaff, hanoi);
        long dataAccessOut = dataAccess(hcmStaff, hcm);

        long approvalIn = approvalUnder(hanoi, "IN_PROGRESS");
        long approvalOut = approvalUnder(hcm, "IN_PROGRESS");
        long correctionIn = correctionUnder(hanoi);
        long correctionOut = correctionUnder(hcm);

        // Two declared days off, for the page and the API to withdraw (Ban Tổ chức Trung ương).
        ApiClient.Reply declared = ApiClient.as(port, "tw.tochuc")
                .post("/api/v1/calendar/overrides", """
                {"decision": {"number": "KT-BM/TB", "date": "2025-12-01", "issuer": "Văn phòng Chính phủ"},
                 "days": [{"date": "%s", "kind": "OFF", "name": "Nghỉ (kiểm thử bảo mật)"},
                          {"date": "%s", "kind": "OFF", "name": "Nghỉ (kiểm thử bảo mật)"}]}""".formatted(PAGE_OVERRIDE_DAY, API_OVERRIDE_DAY));
        assertThat(declared.status()).as("calendar overrides: %s", declared).isEqualTo(201);

        samples.put(Kind.ORG, new long[] {hangBac, hcmCell, orgs.missingId()});
        samples.put(Kind.MEMBER, new long[] {memberIn, memberOut, missing});
        samples.put(Kind.TRANSFER, new long[] {transferIn, transferOut, missing});
        samples.put(Kind.IMPORT_JOB, new long[] {importIn, importOut, missing});
        samples.put(Kind.NOTIFICATION, new long[] {notificationIn, notificationOut, missing});
        samples.put(Kind.APPROVAL, new long[] {approvalIn, approvalOut, missing});
        samples.put(Kind.CORRECTION, new long[] {correctionIn, correctionOut, missing});
        samples.put(Kind.DATA_ACCESS, new long[] {dataAccessIn, dataAccessOut, missing});
        samples.put(Kind.DOCUMENT, new long[] {documentIn, documentOut.id(), missing});
        samples.put(Kind.ACCOUNT, new long[] {accountIn.id(), accountOut.id(), missing});
        samples.put(Kind.GRANT, new long[] {grantIn.id(), grantOut.id(), missing});
        samples.put(Kind.DEVICE, new long[] {deviceIn, deviceOut, missing});

        for (Principal p : Principal.values()) {
            callers.put(p, p == Principal.ANONYMOUS ? Caller.anonymous(port) : Caller.signIn(port, identifiers.get(p)));
        }
    }

    long id(Kind kind, Target target) {
        return samples.get(kind)[target.ordinal()];
    }

    /** A share of the {@code {id}} file of the same target, for the API or for the page. */
    long shareId(Target target, boolean api) {
        return shareSamples.get(api)[target.ordinal()];
    }

    Caller caller(Principal principal) {
        return callers.get(principal);
    }

    private static AccountView account(AccountAdministration administration, String prefix, long home) {
        return administration.createForSeeding(
                new NewAccount(
                        Fixtures.unique(prefix),
                        "Tài khoản kiểm thử bảo mật",
                        AccountType.USER,
                        home,
                        null,
                        null,
                        null),
                ApiClient.DEMO_PASSWORD);
    }

    private static NewGrant grant(
            long accountId,
            Role role,
            long orgId,
            Set<Database> databases,
            Classification ceiling,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        return new NewGrant(accountId, role, orgId, databases, ceiling, from, to, "KT-BM/2026", null);
    }

    private static long accountId(Accounts accounts, String identifier) {
        return accounts.byIdentifier(identifier).orElseThrow().id();
    }

    private static long transfer(ApiClient api, long memberId, long toCell) {
        ApiClient.Reply issued =
                api.post("/api/v1/members/" + memberId + "/transfers", """
                {"toCellId": %d, "decision": {"number": "KT-BM-QĐ/ĐU", "date": "%s", "issuer": "Đảng ủy (kiểm thử)"}}""".formatted(toCell, DemoOrgs.today()));
        assertThat(issued.status()).as("transfer: %s", issued).isEqualTo(201);
        return issued.id();
    }

    private static long share(ApiClient uploader, long documentId, String grantee, String level, String lastDay) {
        ApiClient.Reply shared =
                uploader.post("/api/v1/documents/" + documentId + "/shares", """
                {"grantee": "%s", "level": "%s", "expiresOn": "%s"}""".formatted(grantee, level, lastDay));
        assertThat(shared.status()).as("share: %s", shared).isEqualTo(201);
        return shared.id();
    }

    private static long notification(Notifications notifications, long accountId) {
        return notifications
                .raise(new NewNotification(
                        accountId,
                        NotificationKind.STEP_OPENED,
                        "Thông báo kiểm thử bảo mật",
                        "Nội dung riêng của người nhận",
                        "/approvals",
                        "kt-sec-" + System.nanoTime()))
                .orElseThrow();
    }

    private long importJob(long accountId) {
        return jdbc.sql("""
                        INSERT INTO member.import_job
                            (account_id, file_name, file_size, mode, source, status, created_at, finished_at)
                        VALUES (:account, 'kiem-thu-bao-mat.xlsx', 1000, 'VALID', 'DIGITISED_PAPER', 'DONE', now(), now())
                        RETURNING id""").param("account", accountId).query(Long.class).single();
    }

    private static long dataAccess(ApiClient api, long scopeOrg) {
        ApiClient.Reply created = api.post("/api/v1/data-access/requests", """
                {"position":"Chuyên viên","unit":"Ban Tổ chức (kiểm thử bảo mật)","phone":"0912345678",
                 "database":"ORGANISATION_MEMBER","purpose":"Kiểm thử bảo mật","scopeOrgId":%d,
                 "scopeDescription":"Số liệu tổng hợp","form":"INDIRECT","periodFrom":"%s","periodTo":"%s",
                 "commitment":true}""".formatted(
                        scopeOrg, DemoOrgs.today(), DemoOrgs.today().plusDays(3)));
        assertThat(created.status()).as("data access request: %s", created).isEqualTo(201);
        return created.id();
    }

    private long approvalUnder(long orgId, String status) {
        return jdbc.sql("""
                        SELECT r.id FROM approval.request r
                          JOIN org.organisation_version v ON v.org_id = r.subject_org_id AND v.valid_to = 'infinity'
                         WHERE r.status = :status AND r.subject_type <> 'data_access_request'
                           AND v.path <@ (SELECT path FROM org.organisation_version WHERE org_id = :org AND valid_to = 'infinity')
                         ORDER BY r.id LIMIT 1""")
                .param("status", status)
                .param("org", orgId)
                .query(Long.class)
                .optional()
                .orElse(900_000_001L);
    }

    private long correctionUnder(long orgId) {
        return jdbc.sql("""
                        SELECT r.id FROM approval.request r JOIN approval.correction c ON c.request_id = r.id
                          JOIN org.organisation_version v ON v.org_id = r.subject_org_id AND v.valid_to = 'infinity'
                         WHERE v.path <@ (SELECT path FROM org.organisation_version WHERE org_id = :org AND valid_to = 'infinity')
                         ORDER BY r.id LIMIT 1""").param("org", orgId).query(Long.class).optional().orElse(900_000_002L);
    }

    /**
     * Every business table, counted and hashed: equal before and after a refused request means the
     * request changed nothing (login bookkeeping such as failed-login counters is left out).
     */
    String digest() {
        return digestWithoutImportJobs() + "/"
                + jdbc.sql("SELECT count(*) FROM member.import_job")
                        .query(Long.class)
                        .single();
    }

    /** The digest without the import jobs: a refused upload is still recorded as a job. */
    String digestWithoutImportJobs() {
        return jdbc.sql("""
                SELECT concat_ws('/',
                    (SELECT md5(coalesce(string_agg(v::text, '|' ORDER BY v.org_id, v.valid_from), '')) FROM org.organisation_version v),
                    (SELECT count(*) FROM org.structural_change),
                    (SELECT md5(coalesce(string_agg(m::text, '|' ORDER BY m.id), '')) FROM member.member m),
                    (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM member.membership s),
                    (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM member.transfer t),
                    (SELECT count(*) FROM member.life_event),
                    (SELECT md5(coalesce(string_agg(concat(r.id, r.status, r.version, r.current_position), '|' ORDER BY r.id), '')) FROM approval.request r),
                    (SELECT count(*) FROM approval.request_action),
                    (SELECT md5(coalesce(string_agg(concat(g.id, g.revoked_at, g.version, g.review_since), '|' ORDER BY g.id), '')) FROM access.account_grant g),
                    (SELECT md5(coalesce(string_agg(concat(a.id, a.status, a.type, a.home_org_id, a.position, a.locked_by_admin, a.must_change_password), '|' ORDER BY a.id), '')) FROM identity.account a),
                    (SELECT md5(coalesce(string_agg(concat(r.id, r.level, r.expires_on, r.revoked_at), '|' ORDER BY r.id), '')) FROM access.record_share r),
                    (SELECT md5(coalesce(string_agg(concat(d.id, d.version, d.description), '|' ORDER BY d.id), '')) FROM document.document d),
                    (SELECT count(*) FROM document.document_comment),
                    (SELECT md5(coalesce(string_agg(concat(d.id, d.status, d.version), '|' ORDER BY d.id), '')) FROM identity.device d),
                    (SELECT md5(coalesce(string_agg(q::text, '|' ORDER BY q.id), '')) FROM dataaccess.request q),
                    (SELECT count(*) FROM document.document),
                    (SELECT md5(coalesce(string_agg(o::text, '|' ORDER BY o.day), '')) FROM calendar.override_day o),
                    (SELECT count(*) || ':' || count(read_at) FROM notification.notification),
                    (SELECT count(*) FROM catalogue.entry))""").query(String.class).single();
    }
}
