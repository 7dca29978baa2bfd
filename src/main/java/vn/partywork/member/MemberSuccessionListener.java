package vn.partywork.member;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.org.OrganisationEnded;

/**
 * P-ORG-2 with M-4: when a cell ends into a single successor (merged with others, absorbed into a
 * cell), its members follow it, after the restructuring committed, in a transaction of their own.
 * Endings that members cannot follow are refused before they happen (MemberDissolutionCheck).
 */
@Component
class MemberSuccessionListener {

    private final MemberRegistry registry;

    MemberSuccessionListener(MemberRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener(id = "member.organisation-ended")
    void on(OrganisationEnded event) {
        if (event.successorIds().size() == 1) {
            registry.followEndedCell(
                    event.orgId(),
                    event.successorIds().get(0),
                    event.effectiveOn(),
                    "Tổ chức " + event.kind().label().toLowerCase(java.util.Locale.ROOT) + " (thay đổi tổ chức số "
                            + event.structuralChangeId() + ")");
        }
    }
}
