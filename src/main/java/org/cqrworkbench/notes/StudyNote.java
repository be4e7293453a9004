package org.cqrworkbench.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
public class StudyNote {

    static final int MAX_TITLE = 500;
    static final int MAX_BODY = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long studyId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    /** What the note is about, in words, when it came attached to something in another program. */
    private String about;

    private Long authorId;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected StudyNote() {
    }

    StudyNote(long studyId, String title, String body, Long authorId, Instant createdAt) {
        this.studyId = studyId;
        this.title = title;
        this.body = body;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getStudyId() {
        return studyId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getAbout() {
        return about;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
