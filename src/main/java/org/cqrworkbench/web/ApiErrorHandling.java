package org.cqrworkbench.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns the API's failures into application/problem+json with the right status. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandling {

    private final MessageSource messages;

    ApiErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail userFacing(UserFacingException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(statusOf(e), e.localizedMessage(messages, locale));
    }

    /** Two people saved the same thing at the same instant: the later save is refused, never merged silently. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail simultaneousEdit(ObjectOptimisticLockingFailureException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage("conflict.generic", null, locale));
    }

    /**
     * Two people created the same thing at the same instant (the first transcript of a case, say): the database's
     * unique key refuses the second, and it is told so rather than shown a server error.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail createdTwice(DuplicateKeyException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage("conflict.generic", null, locale));
    }

    /** A save waited too long for another save of the same item to finish; nothing was changed. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail busy(PessimisticLockingFailureException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage("conflict.busy", null, locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("upload.tooLarge", null, locale));
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ProblemDetail notAnUpload(Exception e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage("upload.unreadable", null, locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.api.unreadable", null, locale));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, Locale locale) {
        var first = e.getBindingResult().getFieldErrors().stream().findFirst();
        String detail = first.map(f -> f.getField() + ": " + f.getDefaultMessage())
                .orElse(messages.getMessage("error.api.unreadable", null, locale));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    static HttpStatus statusOf(UserFacingException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
