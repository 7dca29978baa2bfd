package vn.partywork.member.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.org.DissolutionCheck;

/** P-ORG-2: a cell is not dissolved while members still belong to it (they would be lost). */
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
}
