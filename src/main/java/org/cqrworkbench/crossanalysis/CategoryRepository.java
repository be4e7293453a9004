package org.cqrworkbench.crossanalysis;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CategoryRepository extends JpaRepository<Category, Long> {

    /**
     * The category, its row locked until the transaction ends, so a save checks the version the page showed and writes
     * with nobody else's save in between: two saves from the same version never both pass the check.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Category> findForUpdateById(long id);

    List<Category> findByStudyIdOrderByPositionAscIdAsc(long studyId);

    List<Category> findByStudyIdAndDomainIdOrderByPositionAscIdAsc(long studyId, long domainId);

    /** Case and subsample of every core idea of the study, for counting; rows of (idea id, case id, subsample id). */
    @Query("select ci.id, ci.caseId, ci.subsampleId from CoreIdea ci where ci.studyId = :studyId")
    List<Object[]> ideaOrigins(long studyId);

    /** The same, for the core ideas of one domain. */
    @Query("select ci.id, ci.caseId, ci.subsampleId from CoreIdea ci where ci.studyId = :studyId and ci.domainId = :domainId")
    List<Object[]> ideaOriginsInDomain(long studyId, long domainId);

    @Query("select ci.id, ci.caseId, ci.subsampleId from CoreIdea ci where ci.studyId = :studyId and ci.id in :ids")
    List<Object[]> ideaOriginsOf(long studyId, java.util.Collection<Long> ids);

    /** Categories of each domain of a study, subcategories included; rows of (domain id, count). */
    @Query("select c.domainId, count(c) from Category c where c.studyId = :studyId group by c.domainId")
    List<Object[]> countByDomain(long studyId);

    @Query("select coalesce(max(c.position), -1) + 1 from Category c where c.domainId = :domainId")
    int nextPosition(long domainId);
}
