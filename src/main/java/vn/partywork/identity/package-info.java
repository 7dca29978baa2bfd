/** Accounts, login, passwords, TOTP second factor, lock-out, API tokens and the security filter chains (P-ID-1..5). */
@ApplicationModule(allowedDependencies = {"shared", "org", "audit"})
@NullMarked
package vn.partywork.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
