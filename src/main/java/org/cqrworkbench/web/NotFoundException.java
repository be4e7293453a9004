package org.cqrworkbench.web;

/** Something the user asked for does not exist, or exists in a study they do not belong to: both answer 404. */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
