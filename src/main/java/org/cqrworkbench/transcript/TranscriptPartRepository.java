package org.cqrworkbench.transcript;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TranscriptPartRepository extends JpaRepository<TranscriptPart, Long> {

    List<TranscriptPart> findByTranscriptIdOrderByStartAsc(long transcriptId);

    List<TranscriptPart> findBySubsampleId(long subsampleId);

    List<TranscriptPart> findByTranscriptIdInOrderByStartAsc(java.util.Collection<Long> transcriptIds);

    @Modifying
    @Query("delete from TranscriptPart p where p.transcriptId = :transcriptId")
    void deleteByTranscript(long transcriptId);
}
