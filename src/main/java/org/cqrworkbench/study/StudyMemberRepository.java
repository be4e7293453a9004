package org.cqrworkbench.study;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StudyMemberRepository extends JpaRepository<StudyMember, Long> {

    @Query("select m from StudyMember m join fetch m.study join fetch m.user where m.study.id = :studyId and m.user.username = :username")
    Optional<StudyMember> findMembership(long studyId, String username);

    /** The membership alone, its row locked until the commit, so its version is checked and written with no other save in between. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from StudyMember m where m.study.id = :studyId and m.user.username = :username")
    Optional<StudyMember> findMembershipForUpdate(long studyId, String username);

    @Query("select m from StudyMember m join fetch m.study where m.user.username = :username order by lower(m.study.name)")
    List<StudyMember> findByUsername(String username);

    @Query("select m from StudyMember m join fetch m.user where m.study.id = :studyId order by m.role, lower(m.user.displayName)")
    List<StudyMember> findTeam(long studyId);

    long countByStudyIdAndRole(long studyId, StudyRole role);
}
