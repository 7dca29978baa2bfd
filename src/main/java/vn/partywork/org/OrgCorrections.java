package vn.partywork.org;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.org.internal.Organisations;
import vn.partywork.org.internal.Organisations.Version;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Corrections of recorded errors in an organisation's current name or code (P-WF-3), as opposed to
 * a rename (P-ORG-2, a structural change with its decision and a new version). The correction
 * request and its approval live in the approval module, which calls {@link #correct} when the head
 * of the unit approves; the change is made in place on the current version and audited with the
 * request as its basis.
 */
@Service
public class OrgCorrections {

    private static final Database ORG = Database.ORGANISATION_MEMBER;

    private final Organisations organisations;
    private final AuditLog audit;

    OrgCorrections(Organisations organisations, AuditLog audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The current organisation if the caller may read it, with whether it may write there. */
    @Transactional(readOnly = true)
    public Optional<CorrectableOrganisation> current(AccessScope scope, long orgId) {
        return organisations
                .current(orgId)
                .filter(v -> scope.canRead(ORG, v.path()))
                .map(v -> new CorrectableOrganisation(v.summary(), scope.canWrite(ORG, v.path())));
    }

    /**
     * Checks a proposed name and code as restructuring would ({@code org.name.required},
     * {@code org.name.tooLong}, {@code org.code.required}, {@code org.code.tooLong},
     * {@code org.code.duplicate} among the current siblings).
     */
    @Transactional(readOnly = true)
    public void check(long orgId, String name, String code) {
        OrgRestructuring.name(name);
        String newCode = OrgRestructuring.code(code);
        organisations.current(orgId).ifPresent(v -> checkCodeFree(v, newCode));
    }

    /**
     * Applies an approved correction in place on the current version. Refused when the current name
     * or code no longer is what the request saw ({@code org.correction.stale}), when nothing would
     * change ({@code org.correction.unchanged}), or when the new code is taken by a sibling.
     */
    @Transactional
    public OrgSummary correct(CorrectRecordedError command) {
        String name = OrgRestructuring.name(command.name());
        String code = OrgRestructuring.code(command.code());
        organisations.lockTree();
        Version org = organisations.lockCurrent(List.of(command.orgId())).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.conflict("org.correction.stale"));
        if (!org.name().equals(command.expectedName()) || !org.code().equals(command.expectedCode())) {
            throw DomainException.conflict("org.correction.stale");
        }
        if (org.name().equals(name) && org.code().equals(code)) {
            throw DomainException.invalid("org.correction.unchanged");
        }
        checkCodeFree(org, code);
        try {
            organisations.correctCurrent(org.versionId(), code, name);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("org.code.duplicate", code);
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "organisation", org.orgId())
                .change("name", org.name(), name)
                .change("code", org.code(), code)
                .basis(command.basis())
                .detail("operation", "CORRECTION")
                .detail("correctionRequest", command.correctionRequestId())
                .detail("versionId", org.versionId())
                .actorIdentifier(command.actorIdentifier())
                .build());
        return new OrgSummary(org.orgId(), code, name, org.kind(), org.parentId(), org.path());
    }

    private void checkCodeFree(Version org, String code) {
        if (org.parentId() != null
                && !code.equalsIgnoreCase(org.code())
                && organisations.siblingCodeTaken(org.parentId(), code, List.of(org.orgId()))) {
            throw DomainException.conflict("org.code.duplicate", code);
        }
    }
}
