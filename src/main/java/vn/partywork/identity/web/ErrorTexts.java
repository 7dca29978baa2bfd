package vn.partywork.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.partywork.shared.DomainException;

/** Vietnamese text of an error code ({@code error.<code>}) for pages that show refusals next to their forms. */
@Component
class ErrorTexts {

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String of(DomainException e) {
        return of(e.code(), e.args());
    }

    /** A plain message key (not an error), e.g. a confirmation. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String of(String code, Object... args) {
        String fallback =
                messages.getMessage("error.unexpected", null, "Đã xảy ra lỗi.", LocaleContextHolder.getLocale());
        return messages.getMessage("error." + code, args, fallback, LocaleContextHolder.getLocale());
    }
}
