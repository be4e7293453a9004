package org.cqrworkbench.coding;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CodingRepository extends JpaRepository<Coding, Long> {

    /**
     * The coding, its row locked until the transaction ends, so a save checks the version the page showed and writes
     * with nobody else's save in between: two saves from the same version never both pass the check.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Coding> findForUpdateById(long id);

    List<Coding> findByCaseIdOrderByStartAscEndAsc(long caseId);

    List<Coding> findByCaseIdAndLayerOrderByStartAscEndAsc(long caseId, Layer layer);

    List<Coding> findByStudyIdAndLayer(long studyId, Layer layer);

    List<Coding> findByCaseIdInAndLayerOrderByStartAsc(java.util.Collection<Long> caseIds, Layer layer);

    List<Coding> findByDomainId(long domainId);

    long countByDomainId(long domainId);

    @Query("select c.id from Coding c where c.caseId = :caseId and c.layer = org.cqrworkbench.coding.Layer.CONSENSUS")
    List<Long> consensusIdsOf(long caseId);

    /**
     * Consensus codings per case and domain: rows of (case id, domain id, count, characters covered). Grouped by all
     * four columns of ix_coding_study_totals, in its order, although study and layer are fixed: then the database
     * reads the totals off that index group after group, instead of sorting tens of thousands of codings into groups.
     */
    @Query("select c.caseId, c.domainId, count(*), sum(c.end - c.start) from Coding c"
            + " where c.studyId = :studyId and c.layer = org.cqrworkbench.coding.Layer.CONSENSUS"
            + " group by c.studyId, c.layer, c.caseId, c.domainId")
    List<Object[]> consensusTotals(long studyId);
    /** Codings of each domain of a study by layer; rows of (domain id, layer, count). */
    @Query("select c.domainId, c.layer, count(c) from Coding c where c.studyId = :studyId group by c.domainId, c.layer")
    List<Object[]> countByDomainAndLayer(long studyId);

    /**
     * The consensus codings of a domain with the start of their text, without loading whole transcripts;
     * rows of (coding id, case id, length, first 200 characters).
     */
    @Query("""
            select c.id, c.caseId, c.end - c.start, substring(t.body, c.start + 1, 200)
            from Coding c join Transcript t on t.caseId = c.caseId
            where c.domainId = :domainId and c.layer = org.cqrworkbench.coding.Layer.CONSENSUS
            order by c.caseId, c.start, c.end""")
    List<Object[]> consensusExcerpts(long domainId);
}
