/**
 * Grants (role × organisation subtree × databases × classification ceiling × period) and the
 * per-request AccessScope (P-AZ-1); record-level shares of one record with a named account
 * ({@link vn.partywork.access.RecordShares}, P-AZ-2), offered by modules through
 * {@link vn.partywork.access.ShareableRecords}.
 */
@ApplicationModule(allowedDependencies = {"shared", "org", "identity", "audit"})
@NullMarked
package vn.partywork.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
