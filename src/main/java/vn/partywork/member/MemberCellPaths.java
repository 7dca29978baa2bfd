package vn.partywork.member;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.partywork.member.internal.Members;
import vn.partywork.org.OrganisationEnded;
import vn.partywork.org.OrganisationMoved;

/**
 * Keeps {@code member.member.cell_path}, the copy of each member's cell path that the scoped search
 * filters on (issue 5 item 10a), equal to the org module's current tree. A change of cell sets it in
 * the same statement (trigger {@code member.member_cell_path}); a restructuring that moves a subtree
 * or ends a cell changes it here, in synchronous listeners, so that it commits or rolls back with
 * the restructuring itself: no search ever sees a member under a path its cell no longer has.
 */
@Component
class MemberCellPaths {

    private final Members members;

    MemberCellPaths(Members members) {
        this.members = members;
    }

    /** P-ORG-2: members move with their cell wherever its subtree goes. */
    @EventListener(id = "member.cell-path.moved")
    void on(OrganisationMoved event) {
        members.moveCellPaths(event.orgId(), event.oldPath(), event.newPath());
    }

    /**
     * A cell that ended is no longer in the current tree: its members leave the search (as they
     * did when it joined the current tree) until they follow a successor (MemberSuccessionListener,
     * after commit) or stay behind with an ended membership.
     */
    @EventListener(id = "member.cell-path.ended")
    void on(OrganisationEnded event) {
        members.clearCellPath(event.orgId());
    }
}
