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

    /** One domain's categories without their core ideas, for its workspace. */
    @Query("select new org.cqrworkbench.crossanalysis.Workspace$CategoryRow(c.id, c.domainId, c.parentId, c.name, c.position,"
            + " c.description, c.version) from Category c where c.studyId = :studyId and c.domainId = :domainId")
    List<Workspace.CategoryRow> rowsOf(long studyId, long domainId);

    /** Every category of a study without its core ideas, for laying out tables. */
    @Query("select new org.cqrworkbench.crossanalysis.CategoryNode(c.id, c.domainId, c.parentId, c.name, c.position)"
            + " from Category c where c.studyId = :studyId")
    List<CategoryNode> nodesOf(long studyId);

    /** Categories of each domain of a study, subcategories included; rows of (domain id, count). */
    @Query("select c.domainId, count(c) from Category c where c.studyId = :studyId group by c.domainId")
    List<Object[]> countByDomain(long studyId);

    @Query("select coalesce(max(c.position), -1) + 1 from Category c where c.domainId = :domainId")
    int nextPosition(long domainId);
}
