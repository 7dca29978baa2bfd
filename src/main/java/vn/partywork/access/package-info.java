/** Grants (role × organisation subtree × databases × classification ceiling × period) and the per-request AccessScope (P-AZ-1). */
@ApplicationModule(allowedDependencies = {"shared", "org", "identity", "audit"})
@NullMarked
package vn.partywork.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
