package org.cqrworkbench.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CodingRepository extends JpaRepository<Coding, Long> {

    List<Coding> findByCaseIdOrderByStartAscEndAsc(long caseId);

    List<Coding> findByCaseIdAndLayerOrderByStartAscEndAsc(long caseId, Layer layer);

    List<Coding> findByStudyIdAndLayer(long studyId, Layer layer);

    List<Coding> findByDomainId(long domainId);

    long countByDomainId(long domainId);

    /** Consensus codings per case and domain: rows of (case id, domain id, count, characters covered). */
    @Query("select c.caseId, c.domainId, count(c), sum(c.end - c.start) from Coding c"
            + " where c.studyId = :studyId and c.layer = org.cqrworkbench.coding.Layer.CONSENSUS group by c.caseId, c.domainId")
    List<Object[]> consensusTotals(long studyId);

    @Modifying
    @Query("update Coding c set c.domainId = :target, c.version = c.version + 1 where c.domainId = :source")
    int moveAll(long source, long target);
}
