package org.cqrworkbench.study;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

    /**
     * The user's membership in the study, with the study loaded; 404 when they do not belong to it. A page asks
     * several times while it is drawn (its parts check on their own), so a GET looks it up once: nothing a GET does
     * changes who belongs to a study.
     */
    @Transactional(readOnly = true)
    public StudyMember member(long studyId, String username) {
        String key = StudyAccess.class.getName() + "." + studyId + "." + username;
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && "GET".equals(attributes.getRequest().getMethod()) ? attributes.getRequest() : null;
        if (request != null && request.getAttribute(key) instanceof StudyMember known) {
            return known;
        }
        StudyMember member = members.findMembership(studyId, username).orElseThrow(() -> new NotFoundException("study.notFound"));
        if (request != null) {
            request.setAttribute(key, member);
        }
        return member;
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
