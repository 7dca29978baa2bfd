package vn.partywork.identity;

import java.time.Duration;
import java.time.Instant;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.Totp;

/**
 * A test account's authenticator app: enrols the account with a new TOTP secret and gives the
 * current code. The test clock is frozen just after a step boundary first, so that no boundary
 * passes mid-test and shifts which codes count as replays; the enrolment's own code is then
 * spent by moving one step on. The caller resets the clock after the test.
 */
public final class SecondFactor {

    private final MutableClock clock;
    private final byte[] secret;

    private SecondFactor(MutableClock clock, byte[] secret) {
        this.clock = clock;
        this.secret = secret;
    }

    public static SecondFactor enrol(MultiFactorService mfa, MutableClock clock, AccountView account) {
        clock.freezeAt(Instant.ofEpochSecond(Totp.step(Instant.now()) * Totp.STEP_SECONDS + 1));
        MultiFactorService.NewSecret newSecret = mfa.newSecret(account.principal());
        SecondFactor factor = new SecondFactor(clock, Totp.fromBase32(newSecret.secret()));
        mfa.enrol(account.principal(), newSecret.secret(), factor.code());
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return factor;
    }

    /** The code the app shows now. */
    public String code() {
        return Totp.code(secret, Totp.step(clock.instant()));
    }
}
