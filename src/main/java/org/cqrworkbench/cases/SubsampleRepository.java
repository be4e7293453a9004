package org.cqrworkbench.cases;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface SubsampleRepository extends JpaRepository<Subsample, Long> {

    List<Subsample> findByStudyIdOrderByPositionAscIdAsc(long studyId);

    /** The subsample, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Subsample> findForUpdateById(long id);
}
