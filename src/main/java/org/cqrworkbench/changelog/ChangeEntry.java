package org.cqrworkbench.changelog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One row of the change log, as read back. Rows are written by {@link ChangeRecorder} and never changed. */
@Entity
@Immutable
class ChangeEntry {

    @Id
    private Long id;

    private long studyId;

    @Enumerated(EnumType.STRING)
    private ItemType itemType;

    private long itemId;

    private Long otherId;

    private String itemLabel;

    @Enumerated(EnumType.STRING)
    private ChangeAction action;

    private Long who;

    private Instant at;

    @Column(name = "before_value")
    private String before;

    @Column(name = "after_value")
    private String after;

    private Long commentId;

    protected ChangeEntry() {
    }

    Long getId() {
        return id;
    }

    long getStudyId() {
        return studyId;
    }

    ItemType getItemType() {
        return itemType;
    }

    long getItemId() {
        return itemId;
    }

    Long getOtherId() {
        return otherId;
    }

    String getItemLabel() {
        return itemLabel;
    }

    ChangeAction getAction() {
        return action;
    }

    Long getWho() {
        return who;
    }

    Instant getAt() {
        return at;
    }

    String getBefore() {
        return before;
    }

    String getAfter() {
        return after;
    }

    Long getCommentId() {
        return commentId;
    }
}
