package org.cqrworkbench.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** That a case has passed one step of the method, when and by whose word. */
@Entity
@Table(name = "case_step")
public class CaseStepRecord {

    @Embeddable
    public record Key(@Column(name = "case_id") Long caseId,
            @Enumerated(EnumType.STRING) @Column(name = "step") CaseStep step) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private Instant doneAt;

    private Long doneBy;

    protected CaseStepRecord() {
    }

    CaseStepRecord(long caseId, CaseStep step, Instant doneAt, Long doneBy) {
        this.key = new Key(caseId, step);
        this.doneAt = doneAt;
        this.doneBy = doneBy;
    }

    public long caseId() {
        return key.caseId();
    }

    public CaseStep step() {
        return key.step();
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
