package org.cqrworkbench.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CodingDraftRepository extends JpaRepository<CodingDraft, CodingDraft.Key> {

    List<CodingDraft> findByKeyCaseId(long caseId);

    /** Drafts of each case of the study: rows of (case id, drafts, drafts marked done); cases without drafts have no row. */
    @Query("select d.key.caseId, count(*), count(d.doneAt) from CodingDraft d, StudyCase c"
            + " where c.id = d.key.caseId and c.studyId = :studyId group by d.key.caseId")
    List<Object[]> tallyInStudy(long studyId);
}
