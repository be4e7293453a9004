package org.cqrworkbench.web;

/** Someone else changed the same thing first; the save was refused so neither change is lost silently. */
public class ConflictException extends UserFacingException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
