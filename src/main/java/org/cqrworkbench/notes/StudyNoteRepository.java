package org.cqrworkbench.notes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudyNoteRepository extends JpaRepository<StudyNote, Long> {

    List<StudyNote> findByStudyIdOrderByCreatedAtDescIdDesc(long studyId);
}
