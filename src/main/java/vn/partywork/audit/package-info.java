/**
 * Audit log (P-AU-1, P-AU-2): the one API through which every module records changes, sensitive
 * reads and logins, inside the caller's own transaction. Tamper evidence (hash chain, signed
 * checkpoints, verification) is issue 3's work and builds on this table.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package vn.partywork.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
