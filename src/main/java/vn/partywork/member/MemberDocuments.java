package vn.partywork.member;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.document.DocumentContent;
import vn.partywork.document.DocumentInfo;
import vn.partywork.document.Documents;
import vn.partywork.document.NewDocument;
import vn.partywork.member.internal.Members;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * The member dossier's files (hồ sơ đảng viên điện tử = form + attached documents, M-1, issue 5
 * item 1): decisions and scanned pages kept in the document store (P-DOC-1), owned by
 * {@code member/<id>}. Whoever sees the record sees its files; staff with WRITE over the member's
 * cell attach them; every read is audited by the document store, every attachment on the member too.
 */
@Service
public class MemberDocuments {

    /** The owner type of member files in the document store. */
    public static final String OWNER_TYPE = "member";

    private final MemberRegistry registry;
    private final Documents documents;
    private final AuditLog audit;

    MemberDocuments(MemberRegistry registry, Documents documents, AuditLog audit) {
        this.registry = registry;
        this.documents = documents;
        this.audit = audit;
    }

    /** The files of a record the caller sees, oldest first. */
    @Transactional(readOnly = true)
    public List<DocumentInfo> list(AccessScope scope, long memberId) {
        registry.visible(scope, memberId);
        return documents.attachedTo(scope, OWNER_TYPE, String.valueOf(memberId));
    }

    /** The list read on its own (the API), with its own READ event on the record (P-AU-1). */
    @Transactional(readOnly = true)
    public List<DocumentInfo> readList(AccessScope scope, long memberId) {
        List<DocumentInfo> list = list(scope, memberId);
        audit.record(AuditEvent.of(AuditAction.READ, MemberRegistry.TARGET, memberId)
                .actorIdentifier(scope.identifier())
                .detail("part", "documents")
                .build());
        return list;
    }

    /** Reads one of the member's files (audited READ with its SHA-256 checked by the document store). */
    @Transactional(readOnly = true)
    public DocumentContent read(AccessScope scope, long memberId, long documentId) {
        registry.visible(scope, memberId);
        DocumentInfo info = documents.attachedTo(scope, OWNER_TYPE, String.valueOf(memberId)).stream()
                .filter(d -> d.id() == documentId)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("document.notFound"));
        return documents.read(scope, info.id());
    }

    /**
     * Attaches a file (PDF, JPG, PNG, DOCX; the document store's limits) to a record the caller keeps
     * (WRITE over the member's cell); the file commits with the caller's transaction.
     */
    @Transactional
    public DocumentInfo store(AccessScope scope, long memberId, AttachedFile file) {
        Members.Row row = registry.visible(scope, memberId);
        if (!registry.mayWrite(scope, row)) {
            throw DomainException.forbidden("member.forbidden");
        }
        DocumentInfo info = documents.store(
                scope,
                new NewDocument(
                        OWNER_TYPE,
                        String.valueOf(memberId),
                        file.name(),
                        file.content(),
                        Classification.UNCLASSIFIED));
        audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, memberId)
                .actorIdentifier(scope.identifier())
                .detail("document", info.id())
                .change("attachment", null, info.originalName())
                .build());
        return info;
    }
}
