package org.cqrworkbench.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.cqrworkbench.frequency.FrequencyRules;
import org.cqrworkbench.frequency.GeneralRule;
import org.cqrworkbench.frequency.RareRule;

/** The cases that described one kind of experience; analysed and reported on its own, with its own N and rules. */
@Entity
public class Subsample {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    @Column(nullable = false)
    private String name;

    private String tableTitle;

    @Column(name = "sort_order")
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GeneralRule generalRule = GeneralRule.ALL_BUT_ONE;

    @Enumerated(EnumType.STRING)
    @Column(name = "rare_rule", nullable = false)
    private RareRule rare = RareRule.AUTO;

    @Version
    private long version;

    protected Subsample() {
    }

    Subsample(long studyId, String name, int position) {
        this.studyId = studyId;
        this.name = name;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyId() {
        return studyId;
    }

    public String getName() {
        return name;
    }

    public String getTableTitle() {
        return tableTitle;
    }

    public int getPosition() {
        return position;
    }

    public FrequencyRules rules() {
        return new FrequencyRules(generalRule, rare);
    }

    public long getVersion() {
        return version;
    }

    void rename(String name, String tableTitle) {
        this.name = name;
        this.tableTitle = tableTitle;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void changeRules(FrequencyRules rules) {
        this.generalRule = rules.generalRule();
        this.rare = rules.rare();
    }
}
