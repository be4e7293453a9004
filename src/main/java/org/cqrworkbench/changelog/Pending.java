package org.cqrworkbench.changelog;

import java.time.Instant;
import java.util.List;

/**
 * A change noticed during a flush, waiting for its transaction to commit. Its label and field values may still
 * name other items by id ({@link Ref}, {@link Words}); they are turned into names when the entry is written.
 */
record Pending(long studyId, ItemType type, long itemId, Long otherId, Object label, ChangeAction action,
        String username, Instant at, Long commentId, List<Field> before, List<Field> after) {

    /** One property of the item: "name: Tears". */
    record Field(String name, Object value) {
    }

    /** Another item named by id: its name, case code or short text is looked up when the entry is written. */
    record Ref(Kind kind, long id) {

        enum Kind { DOMAIN, CATEGORY, CASE, CORE_IDEA, CODING }
    }

    /**
     * The words of a transcript span. `before` reads them from the transcript as it was when the transaction
     * began, since a replaced transcript moves codings within the same transaction.
     */
    record Words(long caseId, int start, int end, boolean before) {

        Words asBefore() {
            return new Words(caseId, start, end, true);
        }
    }
}
