package org.cqrworkbench.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A topic area of the interviews ("Antecedents", "Consequences", "Other"); may sit under another domain. */
@Entity
public class Domain {

    static final int MAX_NAME = 200;
    static final int MAX_DEFINITION = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    @SequenceGenerator(name = "domain_seq", sequenceName = "domain_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    private Long parentId;

    @Column(nullable = false)
    private String name;

    private String definition;

    @Column(name = "sort_order")
    private int position;

    @Version
    private long version;

    protected Domain() {
    }

    Domain(long studyId, Long parentId, String name, String definition, int position) {
        this.studyId = studyId;
        this.parentId = parentId;
        this.name = name;
        this.definition = definition;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public String getDefinition() {
        return definition;
    }

    public int getPosition() {
        return position;
    }

    public long getVersion() {
        return version;
    }
}
