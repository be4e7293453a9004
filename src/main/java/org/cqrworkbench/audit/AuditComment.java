package org.cqrworkbench.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An auditor's comment on one item, with an optional concrete alternative. The label describing the item is
 * kept, so the record still reads right after the item has changed or gone.
 */
@Entity
public class AuditComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long studyId;

    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemType itemType;

    /** The coding, core idea or category; for a placement the category. */
    private Long itemId;

    /** For a placement, the core idea placed. */
    private Long secondId;

    private Long caseId;

    private Long domainId;

    @Column(nullable = false)
    private String itemLabel;

    @Column(nullable = false)
    private Long authorId;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String body;

    /** A rewording or a new name, or a description of the alternative. */
    private String suggestion;

    /** Another domain (for a coding) or another category (for a placement). */
    private Long suggestedId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ThreadStatus status = ThreadStatus.OPEN;

    @Enumerated(EnumType.STRING)
    private ReplyKind decision;

    @Version
    private long version;

    protected AuditComment() {
    }

    AuditComment(long studyId, Long requestId, ItemType itemType, Long itemId, Long secondId, Long caseId, Long domainId,
            String itemLabel, long authorId, Instant createdAt, String body, String suggestion, Long suggestedId) {
        this.studyId = studyId;
        this.requestId = requestId;
        this.itemType = itemType;
        this.itemId = itemId;
        this.secondId = secondId;
        this.caseId = caseId;
        this.domainId = domainId;
        this.itemLabel = itemLabel;
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.body = body;
        this.suggestion = suggestion;
        this.suggestedId = suggestedId;
    }

    public Long getId() { return id; }
    public Long getStudyId() { return studyId; }
    public Long getRequestId() { return requestId; }
    public ItemType getItemType() { return itemType; }
    public Long getItemId() { return itemId; }
    public Long getSecondId() { return secondId; }
    public Long getCaseId() { return caseId; }
    public Long getDomainId() { return domainId; }
    public String getItemLabel() { return itemLabel; }
    public Long getAuthorId() { return authorId; }
    public Instant getCreatedAt() { return createdAt; }
    public String getBody() { return body; }
    public String getSuggestion() { return suggestion; }
    public Long getSuggestedId() { return suggestedId; }
    public ThreadStatus getStatus() { return status; }
    public ReplyKind getDecision() { return decision; }
    public long getVersion() { return version; }

    void answered(ReplyKind decision) {
        this.decision = decision;
        this.status = ThreadStatus.ANSWERED;
    }

    void close() {
        this.status = ThreadStatus.CLOSED;
    }
}
