package org.cqrworkbench.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A step of the analysis (for some cases, or some domains) sent to auditors. */
@Entity
public class AuditRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditStep step;

    private String note;

    @Column(nullable = false)
    private Long requestedBy;

    @Column(nullable = false)
    private Instant requestedAt;

    private Instant closedAt;

    /** Case ids for domain coding and core ideas; domain ids for the cross-analysis. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "audit_request_target", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "target_id", nullable = false)
    private Set<Long> targetIds = new HashSet<>();

    @Version
    private long version;

    protected AuditRequest() {
    }

    AuditRequest(long studyId, AuditStep step, Collection<Long> targetIds, String note, long requestedBy, Instant requestedAt) {
        this.studyId = studyId;
        this.step = step;
        this.targetIds.addAll(targetIds);
        this.note = note;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public AuditStep getStep() {
        return step;
    }

    public String getNote() {
        return note;
    }

    public Long getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Set<Long> getTargetIds() {
        return targetIds;
    }

    void close(Instant when) {
        this.closedAt = when;
    }
}
