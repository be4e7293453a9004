package org.cqrworkbench.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StudyCaseRepository extends JpaRepository<StudyCase, Long> {

    Optional<StudyCase> findByStudyIdAndCode(long studyId, String code);

    List<StudyCase> findByStudyIdOrderByCodeAsc(long studyId);

    long countByStudyId(long studyId);

    /** N of every subsample of the study, in one query: rows of (subsample id, number of cases). */
    @Query("select s, count(c) from StudyCase c join c.subsampleIds s where c.studyId = :studyId group by s")
    List<Object[]> countCasesPerSubsample(long studyId);
}
