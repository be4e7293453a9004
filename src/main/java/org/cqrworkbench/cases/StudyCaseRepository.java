package org.cqrworkbench.cases;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StudyCaseRepository extends JpaRepository<StudyCase, Long> {

    Optional<StudyCase> findByStudyIdAndCode(long studyId, String code);

    /** The case, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<StudyCase> findForUpdateById(long id);

    List<StudyCase> findByStudyIdOrderByCodeAsc(long studyId);

    @Query("select new org.cqrworkbench.cases.CaseCode(c.id, c.code) from StudyCase c where c.studyId = :studyId order by c.code")
    List<CaseCode> codesOf(long studyId);

    @Query("select c.code from StudyCase c join c.subsampleIds s where c.studyId = :studyId and s = :subsampleId order by c.code")
    List<String> codesIn(long studyId, long subsampleId);

    long countByStudyId(long studyId);

    /** N of every subsample of the study, in one query: rows of (subsample id, number of cases). */
    @Query("select s, count(c) from StudyCase c join c.subsampleIds s where c.studyId = :studyId group by s")
    List<Object[]> countCasesPerSubsample(long studyId);
}
