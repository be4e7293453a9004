package org.cqrworkbench.study;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cqrworkbench.account.UserAccount;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class StudyService {

    public record StudyDetails(String name, String description, String researchQuestion, String abbreviations) {
    }

    private final StudyRepository studies;
    private final StudyMemberRepository members;
    private final UserAccountRepository accounts;
    private final StudyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyService(StudyRepository studies, StudyMemberRepository members, UserAccountRepository accounts,
            StudyAccess access, ApplicationEventPublisher events, Clock clock) {
        this.studies = studies;
        this.members = members;
        this.accounts = accounts;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Any user may start a study; they become its lead. */
    @Transactional
    public Study create(String username, StudyDetails details) {
        UserAccount creator = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("account.notFound"));
        Study study = new Study(checkedName(details.name()), Instant.now(clock));
        applyDetails(study, details);
        studies.save(study);
        members.save(new StudyMember(study, creator, StudyRole.LEAD));
        events.publishEvent(new StudyCreated(study.getId()));
        return study;
    }

    @Transactional(readOnly = true)
    public boolean anyStudyExists() {
        return studies.count() > 0;
    }

    @Transactional(readOnly = true)
    public List<StudyMember> studiesOf(String username) {
        return members.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public List<StudyMember> team(long studyId, String username) {
        access.member(studyId, username);
        return members.findTeam(studyId);
    }

    @Transactional
    public void update(long studyId, String username, long expectedVersion, StudyDetails details) {
        // Locked before anything else loads it: a study already loaded would not show a save committed meanwhile.
        Study current = studies.findForUpdateById(studyId).orElseThrow(() -> new NotFoundException("study.notFound"));
        access.lead(studyId, username);
        if (current.getVersion() != expectedVersion) {
            throw new ConflictException("study.conflict");
        }
        applyDetails(current, details);
    }

    @Transactional
    public StudyMember addMember(long studyId, String leadUsername, String username, StudyRole role) {
        Study study = access.lead(studyId, leadUsername).getStudy();
        if (role == null) {
            throw new InvalidInputException("team.role.missing");
        }
        String name = username == null ? "" : username.trim();
        UserAccount user = accounts.findByUsername(name)
                .orElseThrow(() -> new InvalidInputException("team.user.unknown", name));
        if (members.findMembership(studyId, name).isPresent()) {
            throw new InvalidInputException("team.user.already", name);
        }
        return members.save(new StudyMember(study, user, role));
    }

    @Transactional
    public void changeRole(long studyId, String leadUsername, long memberId, StudyRole role) {
        access.lead(studyId, leadUsername);
        StudyMember member = memberOf(studyId, memberId);
        if (member.getRole() == StudyRole.LEAD && role != StudyRole.LEAD) {
            keepOneLead(studyId);
        }
        member.changeRole(role);
    }

    @Transactional
    public void removeMember(long studyId, String leadUsername, long memberId) {
        access.lead(studyId, leadUsername);
        StudyMember member = memberOf(studyId, memberId);
        if (member.getRole() == StudyRole.LEAD) {
            keepOneLead(studyId);
        }
        members.delete(member);
    }

    @Transactional
    public void recordBiases(long studyId, String username, long expectedVersion, String biases) {
        StudyMember member = members.findMembershipForUpdate(studyId, username)
                .orElseThrow(() -> new NotFoundException("study.notFound"));
        if (member.getVersion() != expectedVersion) {
            throw new ConflictException("team.biases.conflict");
        }
        String text = blankToNull(biases);
        if (text != null && text.length() > StudyMember.MAX_BIASES) {
            throw new InvalidInputException("text.tooLong", StudyMember.MAX_BIASES);
        }
        member.recordBiases(text);
    }

    private StudyMember memberOf(long studyId, long memberId) {
        return members.findById(memberId)
                .filter(m -> m.getStudy().getId() == studyId)
                .orElseThrow(() -> new NotFoundException("team.member.notFound"));
    }

    private void keepOneLead(long studyId) {
        if (members.countByStudyIdAndRole(studyId, StudyRole.LEAD) <= 1) {
            throw new InvalidInputException("team.lastLead");
        }
    }

    private static void applyDetails(Study study, StudyDetails details) {
        String description = limited(details.description());
        String question = limited(details.researchQuestion());
        String abbreviations = limited(details.abbreviations());
        study.describe(checkedName(details.name()), description, question, abbreviations);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("study.name.required");
        }
        if (name.trim().length() > Study.MAX_NAME) {
            throw new InvalidInputException("study.name.tooLong", Study.MAX_NAME);
        }
        return name.trim();
    }

    private static String limited(String text) {
        String value = blankToNull(text);
        if (value != null && value.length() > Study.MAX_TEXT) {
            throw new InvalidInputException("text.tooLong", Study.MAX_TEXT);
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
