package vn.partywork.identity.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** P-ID-3: one-time default passwords for new, handed-over and reset accounts; they meet the policy. */
@Component
public class DefaultPasswordIssuer {

    // No look-alikes (0/O, 1/l/I) so that the password can be read aloud or copied from paper.
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!@#$%*+-=?";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

    private final SecureRandom random = new SecureRandom();
    private final int length;
    private final PasswordPolicy policy;

    DefaultPasswordIssuer(IdentitySettings settings, PasswordPolicy policy) {
        this.policy = policy;
        this.length = Math.max(
                12,
                Math.max(settings.defaultPasswordLength(), settings.password().minLength()));
    }

    /** A random password that meets the policy and does not contain the identifier. */
    public String generate(String identifier) {
        String password;
        do {
            password = candidate();
        } while (!policy.violations(password, identifier).isEmpty());
        return password;
    }

    private String candidate() {
        char[] chars = new char[length];
        chars[0] = pick(LOWER);
        chars[1] = pick(UPPER);
        chars[2] = pick(DIGITS);
        chars[3] = pick(SYMBOLS);
        for (int i = 4; i < length; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
