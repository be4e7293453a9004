package org.cqrworkbench.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DomainRepository extends JpaRepository<Domain, Long> {

    List<Domain> findByStudyIdOrderByPositionAscIdAsc(long studyId);
}
