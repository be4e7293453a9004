package org.cqrworkbench.changelog;

import java.time.Instant;

/**
 * One entry of the change log as people read it.
 *
 * @param who display name of the person who made the change; null for the workbench's own work (the sample study)
 * @param item what the item was called when it changed: a name, or a case code with the first words
 * @param otherId for a placement the core idea, for a coding link the coding; otherwise null
 * @param before the changed properties as "field: value" lines before the change; null when it was created
 * @param after the same after the change; null when it was deleted
 * @param commentId the audit comment this change answered, or null
 */
public record Change(long id, Instant at, String who, ItemType itemType, long itemId, Long otherId, String item,
        ChangeAction action, String before, String after, Long commentId) {
}
