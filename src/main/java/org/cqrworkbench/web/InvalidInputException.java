package org.cqrworkbench.web;

/** Input that cannot be accepted; nothing was changed. The message tells the user what to fix. */
public class InvalidInputException extends UserFacingException {

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
