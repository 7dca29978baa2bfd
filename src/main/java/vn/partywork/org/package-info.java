/** Party organisation tree with valid-time history and its restructuring operations (P-ORG-1..2). */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
@NullMarked
package vn.partywork.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
