package org.cqrworkbench.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;

/** A judge's private draft of one case; others see it only once it is marked done. */
@Entity
public class CodingDraft {

    @Embeddable
    public record Key(@Column(name = "case_id") Long caseId, @Column(name = "owner_id") Long ownerId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private Instant doneAt;

    protected CodingDraft() {
    }

    CodingDraft(long caseId, long ownerId) {
        this.key = new Key(caseId, ownerId);
    }

    public long caseId() {
        return key.caseId();
    }

    public long ownerId() {
        return key.ownerId();
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    void markDone(Instant when) {
        this.doneAt = when;
    }

    void reopen() {
        this.doneAt = null;
    }
}
