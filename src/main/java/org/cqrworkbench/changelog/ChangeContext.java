package org.cqrworkbench.changelog;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties changes to the audit comment they answer. The auditing feature wraps the change the team makes in answer
 * to a comment:
 *
 * <pre>{@code
 * changeContext.answering(comment.getId(), () -> categoryService.describe(studyId, username, categoryId, version, name, text));
 * }</pre>
 *
 * Every change-log entry written for changes made inside carries that comment's id, whether the change runs in
 * its own transaction or in the caller's. Calls may nest; the innermost comment wins.
 */
@Component
public class ChangeContext {

    private static final ThreadLocal<Long> ANSWERING = new ThreadLocal<>();

    private final EntityManager entityManager;

    ChangeContext(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void answering(long commentId, Runnable change) {
        answering(commentId, () -> {
            change.run();
            return null;
        });
    }

    public <T> T answering(long commentId, Supplier<T> change) {
        // Entries are made when Hibernate flushes, which in a surrounding transaction would be after this method
        // returned; flushing on the way in and out gives exactly the changes made inside to this comment.
        flushIfInTransaction();
        Long outer = ANSWERING.get();
        ANSWERING.set(commentId);
        try {
            T result = change.get();
            flushIfInTransaction();
            return result;
        } finally {
            if (outer == null) {
                ANSWERING.remove();
            } else {
                ANSWERING.set(outer);
            }
        }
    }

    /** The comment the change being recorded answers, or null. */
    static Long currentComment() {
        return ANSWERING.get();
    }

    private void flushIfInTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            entityManager.flush();
        }
    }
}
