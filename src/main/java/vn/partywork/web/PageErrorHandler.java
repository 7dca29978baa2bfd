package vn.partywork.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.partywork.shared.DomainException;

/**
 * A refusal on a page that did not handle it itself becomes the error page with the Vietnamese
 * message. Form controllers normally catch {@link DomainException} and show it next to the form.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrorHandler {

    private final ErrorMessages messages;
    private final LayoutAttributes layout;

    PageErrorHandler(ErrorMessages messages, LayoutAttributes layout) {
        this.messages = messages;
        this.layout = layout;
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        int status = ErrorMessages.status(e).value();
        response.setStatus(status);
        layout.addTo(model, request);
        model.addAttribute("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        model.addAttribute("status", status);
        model.addAttribute("code", e.code());
        model.addAttribute("message", messages.message(e));
        return "error/page";
    }
}
