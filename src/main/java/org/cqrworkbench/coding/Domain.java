package org.cqrworkbench.coding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;

/** A topic area of the interviews ("Antecedents", "Consequences", "Other"); may sit under another domain. */
@Entity
public class Domain {

    static final int MAX_NAME = 200;
    static final int MAX_DEFINITION = 4000;

    /** The method's own name for the catch-all domain (Hill et al., 1997), like its labels General and Typical. */
    public static final String OTHER = "Other";

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

    // Reordering never conflicts with a rename or a new definition, so it does not bump the version.
    @OptimisticLock(excluded = true)
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

    boolean isOther() {
        return name.equalsIgnoreCase(OTHER);
    }

    void describe(String name, String definition) {
        this.name = name;
        this.definition = definition;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void nestUnder(Long parentId) {
        this.parentId = parentId;
    }
}
