package org.cqrworkbench.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One entry under a comment: the team's answer, a reply, or the closing. Never edited, so the record stays true. */
@Entity
public class AuditReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long commentId;

    @Column(nullable = false)
    private Long authorId;

    @Column(nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReplyKind kind;

    private String body;

    protected AuditReply() {
    }

    AuditReply(long commentId, long authorId, Instant createdAt, ReplyKind kind, String body) {
        this.commentId = commentId;
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.kind = kind;
        this.body = body;
    }

    public Long getId() { return id; }
    public Long getCommentId() { return commentId; }
    public Long getAuthorId() { return authorId; }
    public Instant getCreatedAt() { return createdAt; }
    public ReplyKind getKind() { return kind; }
    public String getBody() { return body; }
}
