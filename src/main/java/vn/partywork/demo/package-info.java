/**
 * Demo data for a training room or a first look: three provincial committees with their
 * organisations and one account per role. Loaded by code (never by migrations) into an empty
 * database, only when {@code partywork.demo.enabled=true}.
 */
@ApplicationModule(allowedDependencies = {"shared", "org", "identity", "access", "approval", "member"})
@NullMarked
package vn.partywork.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
