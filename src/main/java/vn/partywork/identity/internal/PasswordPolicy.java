package vn.partywork.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.partywork.shared.DomainException;

/** P-ID-3: what a new password must satisfy; the refusal lists every rule it misses. */
@Component
public class PasswordPolicy {

    private final IdentitySettings.PasswordPolicySettings settings;
    private final MessageSource messages;

    PasswordPolicy(IdentitySettings settings, MessageSource messages) {
        this.settings = settings.password();
        this.messages = messages;
    }

    /** The codes of the rules the password breaks (e.g. {@code minLength}, {@code upper}); empty when it passes. */
    public List<String> violations(String password, String identifier) {
        List<String> missing = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < settings.minLength()) {
            missing.add("minLength");
        }
        if (settings.requireLower() && password.codePoints().noneMatch(Character::isLowerCase)) {
            missing.add("lower");
        }
        if (settings.requireUpper() && password.codePoints().noneMatch(Character::isUpperCase)) {
            missing.add("upper");
        }
        if (settings.requireDigit() && password.codePoints().noneMatch(Character::isDigit)) {
            missing.add("digit");
        }
        if (settings.requireSymbol() && password.codePoints().allMatch(Character::isLetterOrDigit)) {
            missing.add("symbol");
        }
        if (settings.rejectIdentifier()
                && !identifier.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(identifier.toLowerCase(Locale.ROOT))) {
            missing.add("identifier");
        }
        return missing;
    }

    /** Throws {@code identity.password.weak} whose message names each missing rule in Vietnamese. */
    public void check(String password, String identifier) {
        List<String> missing = violations(password, identifier);
        if (!missing.isEmpty()) {
            Locale locale = LocaleContextHolder.getLocale();
            List<String> texts = missing.stream()
                    .map(rule -> messages.getMessage(
                            "identity.password.rule." + rule, new Object[] {settings.minLength()}, rule, locale))
                    .toList();
            throw DomainException.invalid("identity.password.weak", String.join("; ", texts));
        }
    }

    public int minLength() {
        return settings.minLength();
    }
}
