package vn.partywork.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
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
import vn.partywork.document.internal.FileCipher;
import vn.partywork.document.internal.MasterKeys;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.identity.NewDevice;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;
import vn.partywork.web.ApiClient;

/**
 * Issue 6 item 5 (P-DOC-1, P-CL-1, P-ID-7): classified files are on disk only as AES-256-GCM
 * ciphertext, read back verified, refused when tampered with, above the module's or the reader's
 * ceiling, or from a device that is not permitted, and still read after a master key rotation.
 */
@PartyworkTest
class ClassifiedDocumentsTests {

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    AccessScopes scopes;

    @Autowired
    Accounts accounts;

    @Autowired
    DeviceRegister devices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DocumentSettings settings;

    @AfterEach
    void cleanUp() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aMatFileIsCiphertextOnDiskAndIsReadBackOnlyFromAPermittedDevice() throws Exception {
        byte[] plain = SampleFiles.pdf("Biên bản Mật " + System.nanoTime());
        DocumentInfo file = store("hn.tochuc", ClassifiedTestOwners.LETTER, plain, Classification.CONFIDENTIAL);

        byte[] onDisk = Files.readAllBytes(pathOf(file.id()));
        assertThat(onDisk).isNotEqualTo(plain);
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
                .doesNotContain("%PDF")
                .doesNotContain("Bi");
        assertThat(Documents.sha256(onDisk)).isEqualTo(storageKey(file.id()));
        assertThat(jdbc.sql("SELECT key_id FROM document.document WHERE id = :id")
                        .param("id", file.id())
                        .query(String.class)
                        .single())
                .isNotBlank();

        // P-ID-7: not from a device that is not registered, and the refusal is audited.
        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), file.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.notPermitted"));
        assertThat(audited(file.id(), "device", "NOT_PERMITTED")).isEqualTo(1);

        fromDevice(deviceOf("hn.tochuc"));
        assertThat(documents.read(scope("hn.tochuc"), file.id()).bytes()).isEqualTo(plain);

        // Another account's device does not count for hn.tochuc.
        fromDevice(deviceOf("hn.lanhdao"));
        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), file.id()))
                .hasFieldOrPropertyWithValue("code", "identity.device.notPermitted");
    }

    @Test
    void anEncryptedFileChangedOnDiskIsRefusedAndTheFailureAudited() throws Exception {
        byte[] plain = SampleFiles.pdf("Tampered " + System.nanoTime());
        DocumentInfo file = store("hn.tochuc", ClassifiedTestOwners.LETTER, plain, Classification.CONFIDENTIAL);
        fromDevice(deviceOf("hn.tochuc"));
        Path onDisk = pathOf(file.id());
        byte[] bytes = Files.readAllBytes(onDisk);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(onDisk, bytes);

        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), file.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("document.integrity");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        assertThat(audited(file.id(), "integrity", "FAILED")).isEqualTo(1);
    }

    @Test
    void ceilingsOfTheModuleAndOfTheReaderLimitWhatIsStoredAndSeen() {
        // P-CL-1: inspection refuses Tối mật and Tuyệt mật; letters accept up to Tối mật.
        assertThatThrownBy(() ->
                        store("kiemtoan", ClassifiedTestOwners.INSPECTION, SampleFiles.pdf("x"), Classification.SECRET))
                .hasFieldOrPropertyWithValue("code", "document.classification.aboveCeiling");
        assertThatThrownBy(() ->
                        store("kiemtoan", ClassifiedTestOwners.LETTER, SampleFiles.pdf("x"), Classification.TOP_SECRET))
                .hasFieldOrPropertyWithValue("code", "document.classification.aboveCeiling");
        // Nobody files above their own grants' ceiling (hn.tochuc holds Mật).
        assertThatThrownBy(() ->
                        store("hn.tochuc", ClassifiedTestOwners.LETTER, SampleFiles.pdf("x"), Classification.SECRET))
                .hasFieldOrPropertyWithValue("code", "document.classification.aboveGrant");

        // kiemtoan holds Tuyệt mật: a Tối mật letter file is kept; for hn.tochuc it does not exist.
        String owner = "secret-" + System.nanoTime();
        DocumentInfo secret = documents.store(
                scope("kiemtoan"),
                new NewDocument(
                        ClassifiedTestOwners.LETTER,
                        owner,
                        "toi-mat.pdf",
                        SampleFiles.pdf("tối mật"),
                        Classification.SECRET));
        DocumentInfo open = documents.store(
                scope("hn.tochuc"),
                new NewDocument(
                        ClassifiedTestOwners.LETTER,
                        owner,
                        "thuong.pdf",
                        SampleFiles.pdf("thường"),
                        Classification.UNCLASSIFIED));
        assertThat(documents.attachedTo(scope("kiemtoan"), ClassifiedTestOwners.LETTER, owner))
                .extracting(DocumentInfo::id)
                .containsExactly(secret.id(), open.id());
        assertThat(documents.attachedTo(scope("hn.tochuc"), ClassifiedTestOwners.LETTER, owner))
                .extracting(DocumentInfo::id)
                .containsExactly(open.id());
        fromDevice(deviceOf("hn.tochuc"));
        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), secret.id()))
                .as("above the reader's ceiling: 404 as if it did not exist")
                .hasFieldOrPropertyWithValue("code", "document.notFound");
        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), Long.MAX_VALUE))
                .hasFieldOrPropertyWithValue("code", "document.notFound");
    }

    @Test
    void aRotatedMasterKeyStillReadsOldFilesWithoutReEncryptingThem() throws Exception {
        byte[] plain = SampleFiles.pdf("Xoay khóa " + System.nanoTime());
        DocumentInfo file = store("hn.tochuc", ClassifiedTestOwners.LETTER, plain, Classification.CONFIDENTIAL);
        String oldKeyId = keyId(file.id());
        byte[] oldWrapped = wrappedKey(file.id());
        byte[] ciphertext = Files.readAllBytes(pathOf(file.id()));

        Documents.KeyRotation rotation = documents.rotateMasterKey("test", true);
        assertThat(rotation.activeKeyId()).isNotEqualTo(oldKeyId);
        assertThat(rotation.rewrapped()).isPositive();
        assertThat(keyId(file.id())).isEqualTo(rotation.activeKeyId());
        assertThat(wrappedKey(file.id())).isNotEqualTo(oldWrapped);
        assertThat(Files.readAllBytes(pathOf(file.id())))
                .as("content not re-encrypted")
                .isEqualTo(ciphertext);
        assertThat(jdbc.sql("SELECT count(*) FROM document.document WHERE key_id <> :k")
                        .param("k", rotation.activeKeyId())
                        .query(Long.class)
                        .single())
                .isZero();

        fromDevice(deviceOf("hn.tochuc"));
        assertThat(documents.read(scope("hn.tochuc"), file.id()).bytes()).isEqualTo(plain);

        // The old master key is no longer needed: a key ring holding only the new one opens the file.
        String newKey = Files.readAllLines(settings.keyFile()).stream()
                .filter(l -> l.startsWith(rotation.activeKeyId() + "="))
                .map(l -> l.substring(l.indexOf('=') + 1))
                .findFirst()
                .orElseThrow();
        FileCipher onlyNew =
                new FileCipher(MasterKeys.configured(Map.of(rotation.activeKeyId(), newKey), rotation.activeKeyId()));
        assertThat(onlyNew.open(
                        ciphertext, rotation.activeKeyId(), wrappedKey(file.id()), file.sha256(), "CONFIDENTIAL"))
                .isEqualTo(plain);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'UPDATE' AND target_type = 'document'
                   AND target_id = :id AND actor_identifier = 'test'""")
                        .param("id", String.valueOf(file.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void overTheApiAClassifiedDownloadNeedsThePermittedDeviceAndOnlyTheSystemAdministratorRotatesKeys()
            throws Exception {
        byte[] plain = SampleFiles.pdf("API Mật " + System.nanoTime());
        DocumentInfo file = store("hn.tochuc", ClassifiedTestOwners.LETTER, plain, Classification.CONFIDENTIAL);
        String token = ApiClient.as(port, "hn.tochuc").token();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder download = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents/" + file.id()))
                .header("Authorization", "Bearer " + token);

        HttpResponse<String> refused = http.send(download.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("identity.device.notPermitted");

        HttpResponse<byte[]> allowed = http.send(
                download.header(DeviceCheck.HEADER, deviceOf("hn.tochuc")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(plain);
        assertThat(allowed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        assertThat(ApiClient.as(port, "hn.quantri")
                        .post("/api/v1/admin/documents/keys/rotate", "")
                        .status())
                .isEqualTo(403);
        ApiClient.Reply rotated = ApiClient.as(port, "admin").post("/api/v1/admin/documents/keys/rotate", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.body()).contains("\"activeKeyId\"");
    }

    private DocumentInfo store(String identifier, String ownerType, byte[] content, Classification classification) {
        return documents.store(
                scope(identifier),
                new NewDocument(ownerType, "rec-" + System.nanoTime(), "tai-lieu.pdf", content, classification));
    }

    /** A device registered by the system administrator and activated by the holder; its credential. */
    private String deviceOf(String identifier) {
        AccountPrincipal admin =
                Fixtures.principal(accounts.byIdentifier("admin").orElseThrow());
        AccountPrincipal holder =
                Fixtures.principal(accounts.byIdentifier(identifier).orElseThrow());
        var issued =
                devices.register(admin, new NewDevice("Máy kiểm thử " + System.nanoTime(), identifier, null, null));
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

    private String storageKey(long id) {
        return jdbc.sql("SELECT storage_key FROM document.document WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String keyId(long id) {
        return jdbc.sql("SELECT key_id FROM document.document WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private byte[] wrappedKey(long id) {
        return jdbc.sql("SELECT wrapped_key FROM document.document WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    private Path pathOf(long id) {
        String key = storageKey(id);
        return settings.dir()
                .resolve(key.substring(0, 2))
                .resolve(key.substring(2, 4))
                .resolve(key);
    }

    private long audited(long id, String detail, String value) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'READ' AND target_type = 'document' AND target_id = :id AND details ->> :detail = :value""")
                .param("id", String.valueOf(id))
                .param("detail", detail)
                .param("value", value)
                .query(Long.class)
                .single();
    }
}
