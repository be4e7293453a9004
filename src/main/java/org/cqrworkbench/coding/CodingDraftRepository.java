package org.cqrworkbench.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CodingDraftRepository extends JpaRepository<CodingDraft, CodingDraft.Key> {

    List<CodingDraft> findByKeyCaseId(long caseId);

    List<CodingDraft> findByKeyCaseIdIn(java.util.Collection<Long> caseIds);
}
