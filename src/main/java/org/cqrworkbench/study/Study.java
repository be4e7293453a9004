package org.cqrworkbench.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
public class Study {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    private String researchQuestion;

    /** One abbreviation a line, as printed in table notes: "C = Client". */
    private String abbreviations;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Study() {
    }

    Study(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getResearchQuestion() {
        return researchQuestion;
    }

    public String getAbbreviations() {
        return abbreviations;
    }

    public List<String> abbreviationList() {
        if (abbreviations == null || abbreviations.isBlank()) {
            return List.of();
        }
        return Arrays.stream(abbreviations.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public long getVersion() {
        return version;
    }

    void describe(String name, String description, String researchQuestion, String abbreviations) {
        this.name = name;
        this.description = description;
        this.researchQuestion = researchQuestion;
        this.abbreviations = abbreviations;
    }
}
