package org.cqrworkbench.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseStepRepository extends JpaRepository<CaseStepRecord, CaseStepRecord.Key> {

    /** The steps every case of the study has passed: rows of (case id, step). */
    @Query("select r.key.caseId, r.key.step from CaseStepRecord r, StudyCase c where c.id = r.key.caseId and c.studyId = :studyId")
    List<Object[]> stepsInStudy(long studyId);

    /** The steps one case of the study has passed; none when the case is not the study's. */
    @Query("select r.key.step from CaseStepRecord r, StudyCase c where c.id = r.key.caseId and c.id = :caseId and c.studyId = :studyId")
    List<CaseStep> stepsOfCase(long studyId, long caseId);
}
