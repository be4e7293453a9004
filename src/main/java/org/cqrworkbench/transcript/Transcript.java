package org.cqrworkbench.transcript;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
public class Transcript {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private Long caseId;

    @Column(nullable = false)
    private String body;

    /** The body's length in UTF-16 units, kept with it so that lengths can be read without the text. */
    @Column(nullable = false)
    private int bodyLength;

    private String sourceName;

    @Column(nullable = false)
    private Instant importedAt;

    @Version
    private long version;

    protected Transcript() {
    }

    Transcript(long caseId, String body, String sourceName, Instant importedAt) {
        this.caseId = caseId;
        this.body = body;
        this.bodyLength = body.length();
        this.sourceName = sourceName;
        this.importedAt = importedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getBody() {
        return body;
    }

    public String getSourceName() {
        return sourceName;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public long getVersion() {
        return version;
    }

    void replace(String body, String sourceName, Instant importedAt) {
        this.body = body;
        this.bodyLength = body.length();
        this.sourceName = sourceName;
        this.importedAt = importedAt;
    }
}
