package org.cqrworkbench.coreidea;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CoreIdeaRepository extends JpaRepository<CoreIdea, Long> {

    List<CoreIdea> findByStudyIdAndDomainIdAndSubsampleIdOrderByCaseIdAscPositionAscIdAsc(long studyId, long domainId,
            long subsampleId);

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
