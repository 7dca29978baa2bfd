package vn.partywork.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.partywork.shared.DomainException;

/** Maps error codes once to Vietnamese messages ({@code error.<code>}) and HTTP statuses. */
@Component
public class ErrorMessages {

    private final MessageSource messages;

    ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        String fallback = messages.getMessage("error.unexpected", null, "Đã xảy ra lỗi.", locale);
        return messages.getMessage("error." + code, args, fallback, locale);
    }

    public String message(DomainException e) {
        return message(e.code(), e.args());
    }

    public static HttpStatus status(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
    }
}
