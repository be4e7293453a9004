package org.cqrworkbench.coreidea;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.OptimisticLock;

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

    /** The consensus codings whose raw data this core idea abstracts; linking is not an edit of its text. */
    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "core_idea_coding", joinColumns = @JoinColumn(name = "core_idea_id"))
    @Column(name = "coding_id", nullable = false)
    private Set<Long> codingIds = new HashSet<>();

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

    public Set<Long> getCodingIds() {
        return Collections.unmodifiableSet(codingIds);
    }

    void rewrite(String body) {
        this.body = body;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void link(Collection<Long> ids) {
        codingIds.addAll(ids);
    }

    void unlink(Collection<Long> ids) {
        codingIds.removeAll(ids);
    }

    void moveToDomain(long domainId) {
        this.domainId = domainId;
    }
}
