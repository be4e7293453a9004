package org.cqrworkbench.coreidea;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoreIdeaRepository extends JpaRepository<CoreIdea, Long> {

    List<CoreIdea> findByStudyIdAndDomainIdAndSubsampleIdOrderByCaseIdAscPositionAscIdAsc(long studyId, long domainId,
            long subsampleId);

    List<CoreIdea> findByStudyId(long studyId);

    List<CoreIdea> findByCaseIdOrderByDomainIdAscPositionAscIdAsc(long caseId);

    List<CoreIdea> findByStudyIdOrderByCaseIdAscPositionAscIdAsc(long studyId);

    long countByStudyId(long studyId);
}
