package vn.partywork.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.access.NewShare;
import vn.partywork.access.RecordShares;
import vn.partywork.access.ShareLevel;
import vn.partywork.access.ShareView;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.identity.NewDevice;
import vn.partywork.member.MemberDocuments;
import vn.partywork.member.MemberTestData;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;

/**
 * Issue 6 item 3 (P-AZ-2) with files as the first shared records: the uploader of a file on a Hà Nội
 * member's record ({@code hn.tochuc}) shares it with {@code hcm.tochuc}, who cannot see Hà Nội's
 * members; the share works until its last day, ends at once when revoked, never lifts the grant
 * ceiling nor the permitted device, allows comments and edits only at its level, and is audited.
 */
@PartyworkTest
class SharedDocumentsTests {

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    SharedDocuments shared;

    @Autowired
    RecordShares shares;

    @Autowired
    AccessScopes scopes;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountAdministration administration;

    @Autowired
    DeviceRegister devices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aGranteeOutsideTheScopeDownloadsUntilTheLastDayAndThenTheFileIsGone() {
        byte[] content = SampleFiles.pdf("Biên bản chia sẻ " + System.nanoTime());
        DocumentInfo file = store(content, Classification.UNCLASSIFIED);
        assertThatThrownBy(() -> documents.read(scope("hcm.tochuc"), file.id()))
                .as("another province's staff do not see a Hà Nội member's file")
                .hasFieldOrPropertyWithValue("code", "document.notFound");

        LocalDate lastDay = LocalDate.now(clock).plusDays(3);
        ShareView share =
                shared.share(scope("hn.tochuc"), file.id(), new NewShare("hcm.tochuc", ShareLevel.READ, lastDay));
        assertThat(audits("SHARE", "record_share", share.id())).isEqualTo(1);

        assertThat(documents.read(scope("hcm.tochuc"), file.id()).bytes()).isEqualTo(content);
        assertThat(shares.received(scope("hcm.tochuc")))
                .anySatisfy(r -> assertThat(r.record().id()).isEqualTo(String.valueOf(file.id())));
        // Every use of the share is audited, and the file's read names the share it went through.
        assertThat(audits("READ", "record_share", share.id())).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'READ' AND target_type = 'document'
                   AND target_id = :id AND details ->> 'share' = :share AND actor_identifier = 'hcm.tochuc'""")
                        .param("id", String.valueOf(file.id()))
                        .param("share", String.valueOf(share.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        clock.advance(Duration.ofDays(3));
        assertThat(documents.read(scope("hcm.tochuc"), file.id()).bytes())
                .as("the last day still counts")
                .isEqualTo(content);

        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> documents.read(scope("hcm.tochuc"), file.id()))
                .as("the day after the last day the share has ended by itself")
                .hasFieldOrPropertyWithValue("code", "document.notFound");
        assertThat(shares.received(scope("hcm.tochuc")))
                .noneSatisfy(r -> assertThat(r.record().id()).isEqualTo(String.valueOf(file.id())));
        assertThat(documents.read(scope("hn.tochuc"), file.id()).bytes())
                .as("the owner side is not affected")
                .isEqualTo(content);
    }

    @Test
    void aRevocationTakesEffectAtOnceOverTheApi() {
        DocumentInfo file = store(SampleFiles.pdf("Thu hồi " + System.nanoTime()), Classification.UNCLASSIFIED);
        ApiClient owner = ApiClient.as(port, "hn.tochuc");
        ApiClient grantee = ApiClient.as(port, "hcm.tochuc");
        assertThat(grantee.get("/api/v1/documents/" + file.id()).status()).isEqualTo(404);

        ApiClient.Reply created =
                owner.post("/api/v1/documents/" + file.id() + "/shares", share("hcm.tochuc", "READ", 10));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long shareId = created.id();
        assertThat(created.<String>json("$.granteeIdentifier")).isEqualTo("hcm.tochuc");

        assertThat(grantee.get("/api/v1/documents/" + file.id()).status()).isEqualTo(200);
        ApiClient.Reply received = grantee.get("/api/v1/shares/received");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.<List<String>>json("$[*].record.id")).contains(String.valueOf(file.id()));
        ApiClient.Reply listed = owner.get("/api/v1/documents/" + file.id() + "/shares");
        assertThat(listed.<List<Integer>>json("$[*].id")).containsExactly((int) shareId);
        assertThat(grantee.get("/api/v1/documents/" + file.id() + "/shares").code())
                .as("a grantee does not see who else holds a share")
                .isEqualTo("access.share.recordNotFound");

        ApiClient.Reply revoked =
                owner.send("DELETE", "/api/v1/documents/" + file.id() + "/shares/" + shareId, (String) null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(audits("REVOKE", "record_share", shareId)).isEqualTo(1);

        ApiClient.Reply gone = grantee.get("/api/v1/documents/" + file.id());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("document.notFound");
        assertThat(grantee.get("/api/v1/shares/received").<List<String>>json("$[*].record.id"))
                .doesNotContain(String.valueOf(file.id()));
        assertThat(owner.get("/api/v1/documents/" + file.id() + "/shares").body())
                .isEqualTo("[]");
        ApiClient.Reply again =
                owner.send("DELETE", "/api/v1/documents/" + file.id() + "/shares/" + shareId, (String) null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("access.share.ended");
    }

    @Test
    void onlyTheUploaderShares() {
        DocumentInfo file = store(SampleFiles.pdf("Người tạo " + System.nanoTime()), Classification.UNCLASSIFIED);
        // hn.lanhdao sees the member and the file (owner side) but did not upload it.
        ApiClient.Reply leader = ApiClient.as(port, "hn.lanhdao")
                .post("/api/v1/documents/" + file.id() + "/shares", share("hcm.tochuc", "READ", 10));
        assertThat(leader.status()).isEqualTo(403);
        assertThat(leader.code()).isEqualTo("access.share.notCreator");
        assertThat(leader.message()).contains("Chỉ người tạo");
        // Outside the scope the file does not exist, as for any id.
        ApiClient.Reply stranger = ApiClient.as(port, "hcm.tochuc")
                .post("/api/v1/documents/" + file.id() + "/shares", share("hn.lanhdao", "READ", 10));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("access.share.recordNotFound");
        assertThat(rows(file.id())).isZero();
    }

    @Test
    void eachBadInputIsRefusedWithItsCodeAndWritesNothing() {
        DocumentInfo open = store(SampleFiles.pdf("Sai " + System.nanoTime()), Classification.UNCLASSIFIED);
        DocumentInfo secret = store(SampleFiles.pdf("Mật " + System.nanoTime()), Classification.CONFIDENTIAL);
        Fixtures fixtures = new Fixtures(jdbc, administration);
        AccountView disabled = fixtures.account(AccountType.USER, fixtures.root());
        jdbc.sql("UPDATE identity.account SET status = 'DEACTIVATED' WHERE id = :id")
                .param("id", disabled.id())
                .update();
        ApiClient owner = ApiClient.as(port, "hn.tochuc");
        String path = "/api/v1/documents/" + open.id() + "/shares";

        expect(owner.post(path, share("khong.co.ai", "READ", 10)), "access.share.granteeUnknown");
        expect(owner.post(path, share("admin", "READ", 10)), "access.share.granteeUnknown");
        expect(owner.post(path, share(disabled.identifier(), "READ", 10)), "access.share.granteeDisabled");
        expect(owner.post(path, share("hcm.tochuc", "READ", -1)), "access.share.expiryPast");
        expect(owner.post(path, share("hcm.tochuc", "READ", 91)), "access.share.expiryTooFar");
        expect(owner.post(path, """
                {"grantee": "hcm.tochuc", "level": "READ"}"""), "access.share.expiryRequired");
        expect(owner.post(path, """
                {"grantee": "hcm.tochuc", "expiresOn": "%s"}""".formatted(DemoOrgs.today().plusDays(5))), "access.share.levelRequired");
        expect(owner.post(path, share("HN.TOCHUC", "READ", 10)), "access.share.self");
        // dangvien.demo holds no grant above Thường: a Mật file cannot be shared with that account.
        ApiClient.Reply low =
                owner.post("/api/v1/documents/" + secret.id() + "/shares", share("dangvien.demo", "READ", 10));
        expect(low, "access.share.ceilingTooLow");
        assertThat(low.message()).contains("Mật");

        assertThat(rows(open.id()) + rows(secret.id())).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'SHARE' AND target_type = 'record_share'
                   AND changes::text LIKE '%' || :id || '%' AND changes::text LIKE '%' || :id2 || '%'""")
                        .param("id", "\"" + open.id() + "\"")
                        .param("id2", "\"document\"")
                        .query(Long.class)
                        .single())
                .isZero();

        // The ceiling is the grantee's, checked again at every use: a lowered grant closes the file.
        assertThat(owner.post("/api/v1/documents/" + secret.id() + "/shares", share("hcm.tochuc", "READ", 10))
                        .status())
                .isEqualTo(201);
        AccessScope lowered = new AccessScope(
                scope("hcm.tochuc").accountId(),
                "hcm.tochuc",
                scope("hcm.tochuc").entries().stream()
                        .map(e -> new AccessScope.Entry(
                                e.grantId(), e.path(), e.databases(), Classification.UNCLASSIFIED, e.permissions()))
                        .toList());
        assertThatThrownBy(() -> documents.read(lowered, secret.id()))
                .hasFieldOrPropertyWithValue("code", "document.notFound");
    }

    @Test
    void aSharedMatFileStillNeedsAPermittedDevice() {
        byte[] content = SampleFiles.pdf("Mật chia sẻ " + System.nanoTime());
        DocumentInfo file = store(content, Classification.CONFIDENTIAL);
        ShareView share = shared.share(
                scope("hn.tochuc"),
                file.id(),
                new NewShare("hcm.tochuc", ShareLevel.READ, LocalDate.now(clock).plusDays(5)));

        assertThatThrownBy(() -> documents.read(scope("hcm.tochuc"), file.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.notPermitted"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'READ' AND target_type = 'record_share'
                   AND target_id = :id AND details ->> 'device' = 'NOT_PERMITTED'""")
                        .param("id", String.valueOf(share.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The uploader's own device is not the grantee's.
        fromDevice(deviceOf("hn.tochuc"));
        assertThatThrownBy(() -> documents.read(scope("hcm.tochuc"), file.id()))
                .hasFieldOrPropertyWithValue("code", "identity.device.notPermitted");

        fromDevice(deviceOf("hcm.tochuc"));
        assertThat(documents.read(scope("hcm.tochuc"), file.id()).bytes()).isEqualTo(content);

        // The description of a Mật file travels with it: only to a permitted device.
        fromDevice(deviceOf("hn.tochuc"));
        shared.describe(scope("hn.tochuc"), file.id(), "Biên bản họp kín", null);
        assertThat(shared.file(scope("hn.tochuc"), file.id()).info().description())
                .isEqualTo("Biên bản họp kín");
        RequestContextHolder.resetRequestAttributes();
        SharedDocuments.DocumentFile withoutDevice = shared.file(scope("hcm.tochuc"), file.id());
        assertThat(withoutDevice.deviceMissing()).isTrue();
        assertThat(withoutDevice.info().description()).isNull();
        assertThat(shares.received(scope("hcm.tochuc")))
                .filteredOn(r -> r.record().id().equals(String.valueOf(file.id())))
                .singleElement()
                .satisfies(r -> assertThat(r.record().title()).doesNotContain("họp kín"));
        assertThatThrownBy(() -> shared.describe(scope("hn.tochuc"), file.id(), "Khác", null))
                .hasFieldOrPropertyWithValue("code", "identity.device.notPermitted");
    }

    @Test
    void commentAndEditAreAllowedOnlyAtTheirLevel() {
        DocumentInfo file = store(SampleFiles.pdf("Góp ý " + System.nanoTime()), Classification.UNCLASSIFIED);
        ApiClient owner = ApiClient.as(port, "hn.tochuc");
        ApiClient grantee = ApiClient.as(port, "hcm.tochuc");
        String base = "/api/v1/documents/" + file.id();

        long read =
                owner.post(base + "/shares", share("hcm.tochuc", "READ", 10)).id();
        ApiClient.Reply refused = grantee.post(base + "/comments", """
                {"body": "Đề nghị bổ sung trang 2."}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("document.share.levelTooLow");
        assertThat(grantee.get(base + "/comments").code()).isEqualTo("document.share.levelTooLow");
        assertThat(grantee.send("PUT", base + "/description", """
                        {"description": "Sửa"}""").code()).isEqualTo("document.share.levelTooLow");
        assertThat(grantee.get(base + "/info").<Boolean>json("$.mayComment")).isFalse();

        owner.send("DELETE", base + "/shares/" + read, (String) null);
        long comment =
                owner.post(base + "/shares", share("hcm.tochuc", "COMMENT", 10)).id();
        ApiClient.Reply commented = grantee.post(base + "/comments", """
                {"body": "Đề nghị bổ sung trang 2."}""");
        assertThat(commented.status()).as(commented.body()).isEqualTo(201);
        assertThat(grantee.post(base + "/comments", """
                        {"body": "   "}""").code()).isEqualTo("document.comment.required");
        assertThat(grantee.send("PUT", base + "/description", """
                        {"description": "Sửa"}""").code())
                .as("COMMENT does not allow editing")
                .isEqualTo("document.share.levelTooLow");
        // The owner side reads the thread and may answer; it is audited as a read of the file's comments.
        ApiClient.Reply thread = ApiClient.as(port, "hn.lanhdao").get(base + "/comments");
        assertThat(thread.status()).isEqualTo(200);
        assertThat(thread.<List<String>>json("$[*].body")).containsExactly("Đề nghị bổ sung trang 2.");
        assertThat(thread.<List<String>>json("$[*].author")).containsExactly("hcm.tochuc");
        assertThat(ApiClient.as(port, "hn.lanhdao")
                        .send("PUT", base + "/description", """
                                {"description": "Sửa"}""")
                        .code())
                .as("on the owner side only the uploader edits")
                .isEqualTo("document.edit.forbidden");

        owner.send("DELETE", base + "/shares/" + comment, (String) null);
        owner.post(base + "/shares", share("hcm.tochuc", "EDIT", 10));
        ApiClient.Reply edited = grantee.send("PUT", base + "/description", """
                {"description": "Biên bản đã bổ sung trang 2", "version": 0}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(owner.get(base + "/info").<String>json("$.info.description"))
                .isEqualTo("Biên bản đã bổ sung trang 2");
        ApiClient.Reply stale = grantee.send("PUT", base + "/description", """
                {"description": "Cũ", "version": 0}""");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("request.staleVersion");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'UPDATE' AND target_type = 'document'
                   AND target_id = :id AND actor_identifier = 'hcm.tochuc' AND details ->> 'share' IS NOT NULL""")
                        .param("id", String.valueOf(file.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'CREATE' AND target_type = 'document_comment'
                   AND actor_identifier = 'hcm.tochuc' AND details ->> 'document' = :id""")
                        .param("id", String.valueOf(file.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void expect(ApiClient.Reply reply, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
    }

    private static String share(String grantee, String level, int days) {
        return """
                {"grantee": "%s", "level": "%s", "expiresOn": "%s"}""".formatted(grantee, level, DemoOrgs.today().plusDays(days));
    }

    /** A file uploaded by hn.tochuc on Nguyễn Văn An's record (Hàng Đào, Hà Nội). */
    private DocumentInfo store(byte[] content, Classification classification) {
        long member = new MemberTestData(jdbc).idByName("Nguyễn Văn An");
        return documents.store(
                scope("hn.tochuc"),
                new NewDocument(
                        MemberDocuments.OWNER_TYPE, String.valueOf(member), "bien-ban.pdf", content, classification));
    }

    private long rows(long documentId) {
        return jdbc.sql("SELECT count(*) FROM access.record_share WHERE record_kind = 'document' AND record_id = :id")
                .param("id", String.valueOf(documentId))
                .query(Long.class)
                .single();
    }

    private long audits(String action, String target, long id) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = :action AND target_type = :target AND target_id = :id""")
                .param("action", action)
                .param("target", target)
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single();
    }

    private String deviceOf(String identifier) {
        AccountPrincipal admin =
                Fixtures.principal(accounts.byIdentifier("admin").orElseThrow());
        AccountPrincipal holder =
                Fixtures.principal(accounts.byIdentifier(identifier).orElseThrow());
        var issued = devices.register(admin, new NewDevice("Máy chia sẻ " + System.nanoTime(), identifier, null, null));
        return devices.activate(holder, issued.activationCode()).credential();
    }

    private void fromDevice(String credential) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(DeviceCheck.HEADER, credential);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private AccessScope scope(String identifier) {
        return scopes.forAccount(accounts.byIdentifier(identifier).orElseThrow().id(), LocalDate.now(clock));
    }
}
