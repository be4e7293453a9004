package org.cqrworkbench.audit;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface AuditRequestRepository extends JpaRepository<AuditRequest, Long> {

    List<AuditRequest> findByStudyIdOrderByRequestedAtDesc(long studyId);

    /**
     * The request, its row locked until the commit. Whoever takes one of its last steps (a review, a closed thread)
     * waits for anyone else doing the same, and then sees their step, so the request closes even when both come at once.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AuditRequest> findForUpdateById(long id);
}

interface AuditAssignmentRepository extends JpaRepository<AuditAssignment, AuditAssignment.Key> {

    List<AuditAssignment> findByKeyRequestIdIn(Collection<Long> requestIds);

    List<AuditAssignment> findByKeyAuditorIdAndReviewedAtIsNull(long auditorId);
}

interface AuditCommentRepository extends JpaRepository<AuditComment, Long> {

    List<AuditComment> findByStudyIdOrderByCreatedAtAsc(long studyId);

    List<AuditComment> findByStudyIdAndItemTypeAndItemIdIn(long studyId, ItemType itemType, Collection<Long> itemIds);

    boolean existsByStudyIdAndItemType(long studyId, ItemType itemType);

    List<AuditComment> findByRequestId(long requestId);

    /** The comment, its row locked until the commit, so two answers or replies to one thread are taken one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AuditComment> findForUpdateById(long id);

    long countByStudyIdAndStatus(long studyId, ThreadStatus status);
}

interface AuditReplyRepository extends JpaRepository<AuditReply, Long> {

    List<AuditReply> findByCommentIdInOrderByCreatedAtAsc(Collection<Long> commentIds);
}
