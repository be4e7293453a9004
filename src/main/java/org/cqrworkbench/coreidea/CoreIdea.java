package org.cqrworkbench.coreidea;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** One case's core idea within one domain and subsample. */
@Entity
public class CoreIdea {

    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_idea_seq")
    @SequenceGenerator(name = "core_idea_seq", sequenceName = "core_idea_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Column(nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private Long subsampleId;

    @Column(nullable = false)
    private Long domainId;

    @Column(nullable = false)
    private String body;

    @Column(name = "sort_order")
    private int position;

    @Version
    private long version;

    protected CoreIdea() {
    }

    CoreIdea(long studyId, long caseId, long subsampleId, long domainId, String body, int position) {
        this.studyId = studyId;
        this.caseId = caseId;
        this.subsampleId = subsampleId;
        this.domainId = domainId;
        this.body = body;
        this.position = position;
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

    public Long getSubsampleId() {
        return subsampleId;
    }

    public Long getDomainId() {
        return domainId;
    }

    public String getBody() {
        return body;
    }

    public int getPosition() {
        return position;
    }

    public long getVersion() {
        return version;
    }
}
