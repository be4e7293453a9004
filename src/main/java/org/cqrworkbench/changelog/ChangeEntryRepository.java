package org.cqrworkbench.changelog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ChangeEntryRepository extends JpaRepository<ChangeEntry, Long>, JpaSpecificationExecutor<ChangeEntry> {

    List<ChangeEntry> findByStudyIdAndCommentIdOrderByAtAscIdAsc(long studyId, long commentId);
}
