package org.cqrworkbench.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A span of a case's transcript put into a domain. Offsets are UTF-16 positions in the stored text,
 * end exclusive. Its subsample is that of the transcript part it starts in.
 */
@Entity
public class Coding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "coding_seq")
    @SequenceGenerator(name = "coding_seq", sequenceName = "coding_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Column(nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private Long domainId;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Layer layer;

    /** The judge whose private draft this is; null in the consensus. */
    private Long ownerId;

    /** Who put this coding into the consensus. */
    private Long decidedBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Coding() {
    }

    public Coding(long studyId, long caseId, long domainId, int start, int end, Layer layer, Long ownerId, Long decidedBy,
            Instant createdAt) {
        this.studyId = studyId;
        this.caseId = caseId;
        this.domainId = domainId;
        this.start = start;
        this.end = end;
        this.layer = layer;
        this.ownerId = ownerId;
        this.decidedBy = decidedBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getDomainId() {
        return domainId;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public Layer getLayer() {
        return layer;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getDecidedBy() {
        return decidedBy;
    }

    public long getVersion() {
        return version;
    }

    public void moveTo(int start, int end) {
        this.start = start;
        this.end = end;
    }

    public void recodeInto(long domainId) {
        this.domainId = domainId;
    }
}
