package org.cqrworkbench.coreidea;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CoreIdeaRepository extends JpaRepository<CoreIdea, Long> {

    List<CoreIdea> findByStudyIdAndDomainIdAndSubsampleIdOrderByCaseIdAscPositionAscIdAsc(long studyId, long domainId,
            long subsampleId);

    /**
     * The core idea, its row locked until the transaction ends, so a save checks the version the page showed and writes
     * with nobody else's save in between: two saves from the same version never both pass the check.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<CoreIdea> findForUpdateById(long id);

    List<CoreIdea> findByStudyId(long studyId);

    List<CoreIdea> findByCaseIdOrderByDomainIdAscPositionAscIdAsc(long caseId);

    List<CoreIdea> findByCaseIdIn(java.util.Collection<Long> caseIds);

    long countByStudyId(long studyId);

    /** Core ideas of each domain of a study; rows of (domain id, count). */
    @Query("select c.domainId, count(c) from CoreIdea c where c.studyId = :studyId group by c.domainId")
    List<Object[]> countByDomain(long studyId);

    @Query("select coalesce(max(c.position), -1) + 1 from CoreIdea c where c.domainId = :domainId")
    int nextPosition(long domainId);

    List<CoreIdea> findByDomainId(long domainId);
}
