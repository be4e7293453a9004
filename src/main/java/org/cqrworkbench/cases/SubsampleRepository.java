package org.cqrworkbench.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubsampleRepository extends JpaRepository<Subsample, Long> {

    List<Subsample> findByStudyIdOrderByPositionAscIdAsc(long studyId);
}
