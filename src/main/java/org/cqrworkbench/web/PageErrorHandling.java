package org.cqrworkbench.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.DuplicateKeyException;

/**
 * Pages catch the invalid input they expect and show it beside the form; what reaches this handler
 * (an unknown study, a role that may not act, a stale edit) gets the error page with a plain sentence.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandling {

    private final MessageSource messages;

    PageErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    String userFacing(UserFacingException e, Locale locale, Model model, HttpServletResponse response) {
        var status = ApiErrorHandling.statusOf(e);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", e.localizedMessage(messages, locale));
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Locale locale, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONTENT_TOO_LARGE, "upload.tooLarge", locale, model, response);
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    String notAnUpload(Locale locale, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "upload.unreadable", locale, model, response);
    }

    private String page(HttpStatus status, String key, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", messages.getMessage(key, null, locale));
        return "error";
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    String simultaneousEdit(Locale locale, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "conflict.generic", locale, model, response);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    String createdTwice(Locale locale, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "conflict.generic", locale, model, response);
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    String busy(Locale locale, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "conflict.busy", locale, model, response);
    }
}
