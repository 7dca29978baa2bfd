package vn.partywork.shared;

import java.time.LocalDate;

/**
 * Quyết định: the basis of every structural or life event (ARCHITECTURE rule 4): its number, the
 * day it was signed and the body that issued it.
 */
public record Decision(String number, LocalDate date, String issuer) {

    public static final int MAX_TEXT = 200;

    public Decision {
        number = number == null ? "" : number.strip();
        issuer = issuer == null ? "" : issuer.strip();
        if (number.isEmpty() || issuer.isEmpty() || date == null) {
            throw DomainException.invalid("decision.required");
        }
        if (number.length() > MAX_TEXT || issuer.length() > MAX_TEXT) {
            throw DomainException.invalid("decision.tooLong", MAX_TEXT);
        }
    }
}
