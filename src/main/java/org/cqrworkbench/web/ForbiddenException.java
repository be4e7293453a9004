package org.cqrworkbench.web;

/** The user belongs to the study but their role does not allow the action. */
public class ForbiddenException extends UserFacingException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
