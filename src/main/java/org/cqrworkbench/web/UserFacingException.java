package org.cqrworkbench.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An exception whose message is meant for the user. It carries a key into messages.properties rather
 * than English text, so pages and the API word it the same way.
 */
public abstract class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    protected UserFacingException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message as an argument of another message, e.g. "Line 7: {the reason}". */
    public MessageSourceResolvable resolvable() {
        return new DefaultMessageSourceResolvable(new String[] {messageKey}, args, messageKey);
    }

    public String localizedMessage(MessageSource messages, Locale locale) {
        return messages.getMessage(messageKey, args, messageKey, locale);
    }
}
