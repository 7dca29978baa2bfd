package vn.partywork.org;

import java.util.Optional;

/**
 * Implemented by modules that hold things attached to an organisation (accounts, members), so
 * that an organisation is not dissolved while it still has them (P-ORG-2). The org module owns
 * this interface; others implement it, so dependencies point one way only.
 */
public interface DissolutionCheck {

    /** An error code (e.g. {@code org.dissolve.hasAccounts}) when the organisation may not be dissolved. */
    Optional<String> blockingReason(long orgId);
}
