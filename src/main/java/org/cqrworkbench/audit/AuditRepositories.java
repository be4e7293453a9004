package org.cqrworkbench.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRequestRepository extends JpaRepository<AuditRequest, Long> {

    List<AuditRequest> findByStudyIdOrderByRequestedAtDesc(long studyId);
}

interface AuditAssignmentRepository extends JpaRepository<AuditAssignment, AuditAssignment.Key> {

    List<AuditAssignment> findByKeyRequestIdIn(Collection<Long> requestIds);

    List<AuditAssignment> findByKeyAuditorIdAndReviewedAtIsNull(long auditorId);
}

interface AuditCommentRepository extends JpaRepository<AuditComment, Long> {

    List<AuditComment> findByStudyIdOrderByCreatedAtAsc(long studyId);

    List<AuditComment> findByStudyIdAndItemTypeAndItemIdIn(long studyId, ItemType itemType, Collection<Long> itemIds);

    List<AuditComment> findByRequestId(long requestId);

    long countByStudyIdAndStatus(long studyId, ThreadStatus status);
}

interface AuditReplyRepository extends JpaRepository<AuditReply, Long> {

    List<AuditReply> findByCommentIdInOrderByCreatedAtAsc(Collection<Long> commentIds);
}
