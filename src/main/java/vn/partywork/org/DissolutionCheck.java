package vn.partywork.org;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by modules that hold things attached to an organisation (accounts, members), so
 * that an organisation is not dissolved while it still has them (P-ORG-2). The org module owns
 * this interface; others implement it, so dependencies point one way only.
 */
public interface DissolutionCheck {

    /** An error code (e.g. {@code org.dissolve.hasAccounts}) when the organisation may not be dissolved. */
    Optional<String> blockingReason(long orgId);

    /**
     * An error code when the organisation may not end by {@code kind} with successors of these kinds
     * (none for a dissolution; one for a merge or an absorption; several for a split). By default
     * only a dissolution is refused; a module that moves its things to a single successor (see
     * {@link OrganisationEnded}) refuses the endings it cannot follow.
     */
    default Optional<String> blockingReason(long orgId, StructuralChangeKind kind, List<OrgKind> successorKinds) {
        return kind == StructuralChangeKind.DISSOLVE ? blockingReason(orgId) : Optional.empty();
    }
}
