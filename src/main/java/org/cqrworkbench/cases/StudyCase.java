package org.cqrworkbench.cases;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One participant, known only by a code such as P07. Attributes and subsamples are small and needed
 * wherever a case is shown, so they load with it: one extra query each for a whole list of cases.
 */
@Entity
@Table(name = "study_case")
public class StudyCase {

    static final int MAX_NOTES = 20000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Column(nullable = false)
    private String code;

    private String notes;

    /** Demographics and anything else the team records; free names, so each study chooses its own. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "case_attribute", joinColumns = @JoinColumn(name = "case_id"))
    @MapKeyColumn(name = "attr_name")
    @Column(name = "attr_value", nullable = false)
    private Map<String, String> attributes = new TreeMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "case_subsample", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "subsample_id", nullable = false)
    private Set<Long> subsampleIds = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CodingMode codingMode = CodingMode.TOGETHER;

    @Version
    private long version;

    protected StudyCase() {
    }

    StudyCase(long studyId, String code) {
        this.studyId = studyId;
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public String getCode() {
        return code;
    }

    public String getNotes() {
        return notes;
    }

    public Map<String, String> getAttributes() {
        return Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public Set<Long> getSubsampleIds() {
        return Collections.unmodifiableSet(subsampleIds);
    }

    public boolean belongsTo(long subsampleId) {
        return subsampleIds.contains(subsampleId);
    }

    public CodingMode getCodingMode() {
        return codingMode;
    }

    public long getVersion() {
        return version;
    }

    void codeBy(CodingMode mode) {
        this.codingMode = mode;
    }

    void recode(String code) {
        this.code = code;
    }

    void describe(Map<String, String> attributes, String notes) {
        this.attributes.clear();
        this.attributes.putAll(attributes);
        this.notes = notes;
    }

    void placeIn(Set<Long> subsampleIds) {
        this.subsampleIds.clear();
        this.subsampleIds.addAll(subsampleIds);
    }

    void leave(long subsampleId) {
        subsampleIds.remove(subsampleId);
    }
}
