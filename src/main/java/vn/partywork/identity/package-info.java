/**
 * Accounts, login, passwords, TOTP second factor, lock-out, API tokens and the security filter chains (P-ID-1..5).
 *
 * <p>Authentication decisions against OWASP ASVS 5.0 (issue 6 item 8):
 *
 * <ul>
 *   <li>6.3.8: an unknown identifier, a wrong password and a locked account get one answer
 *       ({@code auth.badCredentials}, 401; the login page's {@code error=bad}), whose text says that
 *       the account may also be locked. The password is hashed on each of these paths (a dummy hash
 *       for an unknown identifier), so the time taken does not tell them apart. A locked account
 *       gets this answer even for the right password, or guessing could go on through the lock. A
 *       deactivated account or an expired default password is told as such, but only after the
 *       right password. After the right password, a failed second factor that locks the account
 *       says {@code auth.locked}: the caller has already proven the password.
 *   <li>Lock-out: wrong passwords, missing and wrong TOTP codes and wrong recovery codes all count
 *       toward the same lock-out ({@code partywork.identity.lockout.*}); with a second factor the
 *       count is cleared only when both factors were right.
 *   <li>6.4.1: default passwords (new account, reset, handover) are random, meet the policy, must be
 *       changed at first login and stop working after {@code initial-password-lifetime} (72 h).
 *   <li>6.4.6 against the Vietnamese rule: P-ID-3 (seed 002 Đ16) has the administrator issue the
 *       account with a default password and hand it over; so the administrator sees that one-time
 *       default, never chooses it, and never sees or sets the password the holder then chooses.
 *       6.4.3: a password reset keeps the second factor; the holder enters the code before the
 *       forced password change.
 *   <li>7.3.1/7.3.2: a web session ends after 30 idle minutes ({@code server.servlet.session.timeout})
 *       and at the latest 12 hours after its sign-in ({@code session-absolute-timeout}).
 *   <li>7.4.2/7.4.3: a deactivation, an administrator's lock or a new password (changed by the holder
 *       elsewhere, reset or handed over) ends live sessions at their next request and revokes API
 *       tokens.
 *   <li>7.5.3: granting and revoking rights by an account with a second factor needs a code from the
 *       last 5 minutes ({@link vn.partywork.identity.StepUp}): the sign-in code or {@code /account/step-up}
 *       for the web, the {@code X-Partywork-Otp} header of the request for the API. Step-up for
 *       exports of personal data is left to the modules that will export (none does yet).
 *   <li>P-ID-7: classified data only from a registered device ({@link vn.partywork.identity.DeviceCheck}).
 *   <li>Security events (logins, failures with their reason, locks, password changes and resets,
 *       MFA enrolment, recovery-code use and reset, automatic suspension of dormant accounts) are
 *       written to the audit log, which is where administrators and auditors read them.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"shared", "org", "audit"})
@NullMarked
package vn.partywork.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
