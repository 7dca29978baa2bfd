package vn.partywork.member;

import org.springframework.stereotype.Component;
import vn.partywork.document.DocumentOwners;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/** P-DOC-1: a member's files are seen by whoever sees the member's record ({@link MemberDocuments}). */
@Component
class MemberDocumentOwner implements DocumentOwners {

    private final MemberRegistry registry;

    MemberDocumentOwner(MemberRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String ownerType() {
        return MemberDocuments.OWNER_TYPE;
    }

    @Override
    public boolean canRead(AccessScope scope, String ownerId) {
        try {
            registry.visible(scope, Long.parseLong(ownerId));
            return true;
        } catch (DomainException | NumberFormatException e) {
            return false;
        }
    }
}
