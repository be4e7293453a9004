package org.cqrworkbench.study;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface StudyRepository extends JpaRepository<Study, Long> {

    /** The study, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Study> findForUpdateById(long id);
}
