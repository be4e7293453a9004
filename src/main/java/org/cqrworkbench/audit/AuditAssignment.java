package org.cqrworkbench.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One auditor's share of a request: it waits in their queue until they mark it reviewed. */
@Entity
@Table(name = "audit_request_auditor")
public class AuditAssignment {

    @Embeddable
    public record Key(@Column(name = "request_id") Long requestId, @Column(name = "auditor_id") Long auditorId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private Instant reviewedAt;

    protected AuditAssignment() {
    }

    AuditAssignment(long requestId, long auditorId) {
        this.key = new Key(requestId, auditorId);
    }

    public long requestId() {
        return key.requestId();
    }

    public long auditorId() {
        return key.auditorId();
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public boolean isReviewed() {
        return reviewedAt != null;
    }

    void markReviewed(Instant when) {
        this.reviewedAt = when;
    }
}
