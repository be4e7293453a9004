package org.cqrworkbench.transcript;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TranscriptRepository extends JpaRepository<Transcript, Long> {

    Optional<Transcript> findByCaseId(long caseId);

    /** A case's transcript, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Transcript> findForUpdateByCaseId(long caseId);

    /**
     * The length of each transcript of the study, read off ix_transcript_case_length without the text: rows of (case id,
     * characters). The study's cases are joined, not passed as a list: Hibernate translates a query with a list of
     * hundreds of ids afresh each time, which cost more than running it.
     */
    @Query("select t.caseId, t.bodyLength from Transcript t, StudyCase c where c.id = t.caseId and c.studyId = :studyId")
    List<Object[]> lengthsInStudy(long studyId);

    /** Rows of (transcript id, case id) for these cases, without loading any text. */
    @Query("select t.id, t.caseId from Transcript t where t.caseId in :caseIds")
    List<Object[]> findTranscriptIdsOfCases(Collection<Long> caseIds);

    List<Transcript> findByCaseIdIn(Collection<Long> caseIds);

    /** A case's transcript as its id and version, without its text: rows of (id, version), none without a transcript. */
    @Query("select t.id, t.version from Transcript t where t.caseId = :caseId")
    List<Object[]> versionOfCase(long caseId);

    /** Only the text of a transcript. */
    @Query("select t.body from Transcript t where t.id = :id")
    String bodyOf(long id);
}
