package org.cqrworkbench.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CodingDraftRepository extends JpaRepository<CodingDraft, CodingDraft.Key> {

    List<CodingDraft> findByKeyCaseId(long caseId);

    /** Drafts of each of these cases: rows of (case id, drafts, drafts marked done); cases without drafts have no row. */
    @Query("select d.key.caseId, count(*), count(d.doneAt) from CodingDraft d where d.key.caseId in :caseIds group by d.key.caseId")
    List<Object[]> tallyByCase(java.util.Collection<Long> caseIds);
}
