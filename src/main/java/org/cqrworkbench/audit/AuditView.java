package org.cqrworkbench.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit threads as pages show them. Templates of other features call this bean by name
 * (`${@auditView.threads(...)}`), so those features need not depend on auditing to show its comments.
 */
@Component("auditView")
public class AuditView {

    public record Entry(String author, Instant at, ReplyKind kind, String body) {
    }

    public record Thread(AuditComment comment, String author, List<Entry> entries) {

        public boolean open() {
            return comment.getStatus() != ThreadStatus.CLOSED;
        }
    }

    private final AuditCommentRepository comments;
    private final AuditReplyRepository replies;
    private final AuditAssignmentRepository assignments;
    private final AuditRequestRepository requests;
    private final StudyService studyService;
    private final StudyAccess access;

    AuditView(AuditCommentRepository comments, AuditReplyRepository replies, AuditAssignmentRepository assignments,
            AuditRequestRepository requests, StudyService studyService, StudyAccess access) {
        this.comments = comments;
        this.replies = replies;
        this.assignments = assignments;
        this.requests = requests;
        this.studyService = studyService;
        this.access = access;
    }

    /** Threads about these items of one type, by item id: one query for comments and one for their replies. */
    @Transactional(readOnly = true)
    public Map<Long, List<Thread>> threads(long studyId, String username, String itemType, Collection<Long> itemIds) {
        access.member(studyId, username);
        ItemType type = ItemType.valueOf(itemType);
        // Most items have no thread: a page of hundreds of codings asks with hundreds of ids only when some thread exists.
        if (itemIds == null || itemIds.isEmpty() || !comments.existsByStudyIdAndItemType(studyId, type)) {
            return Map.of();
        }
        List<AuditComment> found = comments.findByStudyIdAndItemTypeAndItemIdIn(studyId, type, itemIds);
        return build(studyId, username, found).stream()
                .collect(Collectors.groupingBy(t -> t.comment().getItemId(), LinkedHashMap::new, Collectors.toList()));
    }

    /** Every thread of the study, oldest first, optionally only those in one state. */
    @Transactional(readOnly = true)
    public List<Thread> all(long studyId, String username, ThreadStatus status) {
        access.member(studyId, username);
        return build(studyId, username, comments.findByStudyIdOrderByCreatedAtAsc(studyId).stream()
                .filter(c -> status == null || c.getStatus() == status).toList());
    }

    /** The number shown beside "Audit" in the study's navigation: an auditor's queue, or the team's open threads. */
    @Transactional(readOnly = true)
    public long navCount(long studyId, String username) {
        StudyMember member = access.member(studyId, username);
        if (member.getRole() == StudyRole.AUDITOR) {
            List<Long> waiting = assignments.findByKeyAuditorIdAndReviewedAtIsNull(member.getUser().getId()).stream()
                    .map(AuditAssignment::requestId).toList();
            return requests.findAllById(waiting).stream().filter(r -> r.getStudyId() == studyId).count();
        }
        return comments.countByStudyIdAndStatus(studyId, ThreadStatus.OPEN);
    }

    private List<Thread> build(long studyId, String username, List<AuditComment> found) {
        Map<Long, String> names = new HashMap<>();
        studyService.team(studyId, username).forEach(m -> names.put(m.getUser().getId(), m.getUser().getDisplayName()));
        Map<Long, List<AuditReply>> byComment = replies.findByCommentIdInOrderByCreatedAtAsc(found.stream().map(AuditComment::getId).toList())
                .stream().collect(Collectors.groupingBy(AuditReply::getCommentId));
        return found.stream().map(c -> new Thread(c, names.getOrDefault(c.getAuthorId(), "former member"),
                byComment.getOrDefault(c.getId(), List.of()).stream()
                        .map(r -> new Entry(Objects.requireNonNullElse(names.get(r.getAuthorId()), "former member"), r.getCreatedAt(), r.getKind(), r.getBody()))
                        .toList()))
                .toList();
    }
}
