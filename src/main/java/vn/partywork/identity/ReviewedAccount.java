package vn.partywork.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the account review (P-ID-5).
 *
 * @param orgName the current name of the home organisation
 * @param lastLoginAt the last completed sign-in; null when the account never signed in
 * @param dormant active, and neither signed in nor (re)activated for the dormancy period
 * @param suspendedForDormancy deactivated by the daily check for dormancy (an administrator may reactivate it)
 */
public record ReviewedAccount(
        AccountView account,
        @Nullable String orgName,
        @Nullable Instant lastLoginAt,
        boolean dormant,
        boolean suspendedForDormancy) {}
