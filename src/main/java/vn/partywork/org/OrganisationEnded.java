package vn.partywork.org;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation ceased to exist (P-ORG-2): split, merged, absorbed or dissolved, with the
 * organisations that carry on its work ({@code successorIds}: the new organisations of a split,
 * the merged organisation, the absorbing one; none for a dissolution). Modules that attach things
 * to organisations (approval steps, members) listen to it and move them.
 *
 * @param structuralChangeId the {@code org.structural_change} row, the basis of the follow-up changes
 */
public record OrganisationEnded(
        long orgId,
        StructuralChangeKind kind,
        LocalDate effectiveOn,
        long structuralChangeId,
        List<Long> successorIds) {

    public OrganisationEnded {
        successorIds = List.copyOf(successorIds);
    }
}
