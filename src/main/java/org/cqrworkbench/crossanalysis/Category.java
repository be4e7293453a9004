package org.cqrworkbench.crossanalysis;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.OptimisticLock;

/**
 * A category of the cross-analysis: it belongs to a domain, may sit under another category as a
 * subcategory, and holds core ideas (which may sit in several categories). It is counted separately in
 * each subsample.
 */
@Entity
public class Category {

    static final int MAX_NAME = 500;
    static final int MAX_DESCRIPTION = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Column(nullable = false)
    private Long domainId;

    private Long parentId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "sort_order")
    private int position;

    // Placing a core idea is adding a row, which never conflicts with a rename, so it does not bump the version.
    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "category_core_idea", joinColumns = @JoinColumn(name = "category_id"))
    @Column(name = "core_idea_id", nullable = false)
    private Set<Long> coreIdeaIds = new HashSet<>();

    @Version
    private long version;

    protected Category() {
    }

    Category(long studyId, long domainId, Long parentId, String name, int position) {
        this.studyId = studyId;
        this.domainId = domainId;
        this.parentId = parentId;
        this.name = name;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public Long getDomainId() {
        return domainId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }

    public Set<Long> getCoreIdeaIds() {
        return Collections.unmodifiableSet(coreIdeaIds);
    }

    public long getVersion() {
        return version;
    }

    void describe(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void nestUnder(Long parentId) {
        this.parentId = parentId;
    }

    void moveToDomain(long domainId) {
        this.domainId = domainId;
    }

    boolean place(Collection<Long> ideaIds) {
        return coreIdeaIds.addAll(ideaIds);
    }

    boolean remove(Collection<Long> ideaIds) {
        return coreIdeaIds.removeAll(ideaIds);
    }
}
