package vn.partywork.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.SubmitCorrection;
import vn.partywork.approval.SubmitCorrection.Evidence;
import vn.partywork.approval.SubmitCorrection.FieldCorrection;
import vn.partywork.identity.MutableClock;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * P-DOC-1 with evidence of real correction requests: files are kept on disk with their SHA-256,
 * recognised by content, read only by those who see the owning request, audited, and a file changed
 * on disk is refused on read.
 */
@PartyworkTest
class DocumentsTests {

    @Autowired
    Documents documents;

    @Autowired
    CorrectionRequests corrections;

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DocumentSettings settings;

    AccessScope scope(String identifier) {
        long id = jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
        return scopes.forAccount(id, LocalDate.now(clock));
    }

    /** A correction request of hn.tochuc with the given evidence; returns the request id. */
    long requestWith(Evidence... evidence) {
        String code = "DD-" + Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase(java.util.Locale.ROOT);
        long hanoi = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = 'Đảng bộ Thành phố Hà Nội'")
                .query(Long.class)
                .single();
        long cell = restructuring
                .establish(
                        scope("hn.tochuc"),
                        new EstablishOrganisation(
                                hanoi,
                                code,
                                "Chi bộ Tài Liệu " + code,
                                OrgKind.GRASSROOTS_CELL,
                                new Decision(code, LocalDate.of(2020, 1, 1), "Ban Thường vụ Thành ủy"),
                                LocalDate.of(2020, 1, 1),
                                null))
                .id();
        RequestDetails r = corrections.submit(
                scope("hn.tochuc"),
                new SubmitCorrection(
                        "organisation",
                        String.valueOf(cell),
                        List.of(new FieldCorrection("code", code, code + "X")),
                        "Mã ghi sai",
                        List.of(evidence)));
        return r.summary().id();
    }

    List<DocumentInfo> files(long requestId) {
        return documents.attachedTo(scope("hn.tochuc"), CorrectionRequests.OWNER_TYPE, String.valueOf(requestId));
    }

    Path fileOf(DocumentInfo d) {
        return settings.dir()
                .resolve(d.sha256().substring(0, 2))
                .resolve(d.sha256().substring(2, 4))
                .resolve(d.sha256());
    }

    @Test
    void aStoredFileIsReadBackVerifiedAndAuditedOnlyByThoseWhoSeeItsOwner() throws IOException {
        byte[] pdf = SampleFiles.pdf("biên bản " + System.nanoTime());
        long request = requestWith(
                new Evidence("C:\\Users\\ha\\Biên bản họp.pdf", pdf),
                new Evidence("to-trinh.docx", SampleFiles.docx()));
        List<DocumentInfo> files = files(request);
        assertThat(files)
                .extracting(DocumentInfo::originalName, DocumentInfo::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Biên bản họp.pdf", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple(
                                "to-trinh.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        DocumentInfo first = files.get(0);
        assertThat(Files.readAllBytes(fileOf(first))).isEqualTo(pdf);
        assertThat(first.size()).isEqualTo(pdf.length);

        DocumentContent read = documents.read(scope("hn.lanhdao"), first.id());
        assertThat(read.bytes()).isEqualTo(pdf);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'READ' AND target_type = 'document' AND target_id = :id AND actor_identifier = 'hn.lanhdao'""")
                        .param("id", String.valueOf(first.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        for (String outsider : List.of("hcm.tochuc", "dangvien.demo")) {
            assertThatThrownBy(() -> documents.read(scope(outsider), first.id()))
                    .as(outsider)
                    .hasFieldOrPropertyWithValue("code", "document.notFound");
        }
    }

    @Test
    void aFileChangedOnDiskIsRefusedOnReadAndTheFailureIsAudited() throws IOException {
        long request = requestWith(new Evidence("quyet-dinh.pdf", SampleFiles.pdf("tamper " + System.nanoTime())));
        DocumentInfo file = files(request).get(0);
        Path onDisk = fileOf(file);
        byte[] tampered = Files.readAllBytes(onDisk);
        tampered[tampered.length - 3] ^= 1;
        Files.write(onDisk, tampered);

        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), file.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("document.integrity");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                });
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'READ' AND target_type = 'document' AND target_id = :id
                   AND details ->> 'integrity' = 'FAILED'""")
                        .param("id", String.valueOf(file.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Files.delete(onDisk);
        assertThatThrownBy(() -> documents.read(scope("hn.tochuc"), file.id()))
                .hasFieldOrPropertyWithValue("code", "document.integrity");
    }

    @Test
    void onlyPdfJpegPngAndWordDocumentsRecognisedByTheirContentAreAccepted() {
        AccessScope staff = scope("hn.tochuc");
        long request = requestWith(new Evidence("anh.png", SampleFiles.png()));
        String owner = String.valueOf(request);
        for (var bad : List.of(
                new NewDocument(
                        CorrectionRequests.OWNER_TYPE,
                        owner,
                        "script.exe",
                        SampleFiles.pdf("x"),
                        Classification.UNCLASSIFIED),
                new NewDocument(
                        CorrectionRequests.OWNER_TYPE,
                        owner,
                        "anh.pdf",
                        SampleFiles.png(),
                        Classification.UNCLASSIFIED),
                new NewDocument(
                        CorrectionRequests.OWNER_TYPE,
                        owner,
                        "ghi-chu.pdf",
                        "Chỉ là văn bản".getBytes(),
                        Classification.UNCLASSIFIED),
                new NewDocument(
                        CorrectionRequests.OWNER_TYPE,
                        owner,
                        "goi.docx",
                        SampleFiles.plainZip(),
                        Classification.UNCLASSIFIED))) {
            assertThatThrownBy(() -> documents.store(staff, bad))
                    .as(bad.originalName())
                    .hasFieldOrPropertyWithValue("code", "document.type.notAllowed");
        }
        assertThatThrownBy(() -> documents.store(
                        staff,
                        new NewDocument(
                                CorrectionRequests.OWNER_TYPE,
                                owner,
                                "rong.pdf",
                                new byte[0],
                                Classification.UNCLASSIFIED)))
                .hasFieldOrPropertyWithValue("code", "document.empty");
        byte[] big = new byte[(int) documents.maxSize() + 1];
        System.arraycopy(SampleFiles.pdf("lớn"), 0, big, 0, 20);
        assertThatThrownBy(() -> documents.store(
                        staff,
                        new NewDocument(
                                CorrectionRequests.OWNER_TYPE, owner, "lon.pdf", big, Classification.UNCLASSIFIED)))
                .hasFieldOrPropertyWithValue("code", "document.tooLarge");
        // P-CL-1: evidence of correction requests is kept up to Mật (ModuleCeilings.DEFAULT).
        assertThatThrownBy(() -> documents.store(
                        staff,
                        new NewDocument(
                                CorrectionRequests.OWNER_TYPE,
                                owner,
                                "toi-mat.pdf",
                                SampleFiles.pdf("tối mật"),
                                Classification.SECRET)))
                .hasFieldOrPropertyWithValue("code", "document.classification.aboveCeiling");
        assertThat(files(request)).extracting(DocumentInfo::contentType).containsExactly("image/png");
    }
}
