package org.cqrworkbench.study;

import java.util.Arrays;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, for every request that names a study, whether the user may see it and act in it.
 * A non-member gets "not found", so the existence of other teams' studies is never revealed.
 */
@Service
public class StudyAccess {

    private final StudyMemberRepository members;

    StudyAccess(StudyMemberRepository members) {
        this.members = members;
    }

    /** The user's membership in the study, with the study loaded; 404 when they do not belong to it. */
    @Transactional(readOnly = true)
    public StudyMember member(long studyId, String username) {
        return members.findMembership(studyId, username).orElseThrow(() -> new NotFoundException("study.notFound"));
    }

    /** As {@link #member}, and 403 unless the member has one of the given roles. */
    @Transactional(readOnly = true)
    public StudyMember requireRole(long studyId, String username, StudyRole... allowed) {
        StudyMember member = member(studyId, username);
        if (Arrays.stream(allowed).noneMatch(role -> role == member.getRole())) {
            throw new ForbiddenException("study.forbidden");
        }
        return member;
    }

    public StudyMember lead(long studyId, String username) {
        return requireRole(studyId, username, StudyRole.LEAD);
    }

    /** Leads and judges: the primary team, who may change the analysis. */
    public StudyMember analyst(long studyId, String username) {
        return requireRole(studyId, username, StudyRole.LEAD, StudyRole.JUDGE);
    }
}
