package vn.partywork.member.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.org.DissolutionCheck;
import vn.partywork.org.OrgKind;
import vn.partywork.org.StructuralChangeKind;

/**
 * P-ORG-2: a cell does not end while members still belong to it, unless it ends into exactly one
 * cell (a merge or an absorption), which its members then follow (MemberRegistry, on
 * OrganisationEnded). A dissolved cell, a split one or one absorbed into a committee would lose
 * them: their party activity is transferred first.
 */
@Component
class MemberDissolutionCheck implements DissolutionCheck {

    private final Members members;

    MemberDissolutionCheck(Members members) {
        this.members = members;
    }

    @Override
    public Optional<String> blockingReason(long orgId) {
        return members.hasCurrentMembers(orgId) ? Optional.of("member.cell.hasMembers") : Optional.empty();
    }

    @Override
    public Optional<String> blockingReason(long orgId, StructuralChangeKind kind, List<OrgKind> successorKinds) {
        boolean followable = successorKinds.size() == 1 && successorKinds.get(0).isCell();
        return followable ? Optional.empty() : blockingReason(orgId);
    }
}
