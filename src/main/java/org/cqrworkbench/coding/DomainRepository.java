package org.cqrworkbench.coding;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface DomainRepository extends JpaRepository<Domain, Long> {

    List<Domain> findByStudyIdOrderByPositionAscIdAsc(long studyId);

    /** The domain, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Domain> findForUpdateById(long id);
}
