package org.cqrworkbench.cases;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseStepRepository extends JpaRepository<CaseStepRecord, CaseStepRecord.Key> {

    List<CaseStepRecord> findByKeyCaseIdIn(Collection<Long> caseIds);
}
