package org.cqrworkbench.coreidea;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing a case's core ideas: only the primary team (leads and judges) may; each core idea keeps its place
 * in the order and its links to the consensus codings it abstracts. A save names the version it started
 * from, and a second simultaneous save is refused with both texts.
 */
@Service
public class CoreIdeaEditing {

    private final CoreIdeaRepository coreIdeas;
    private final CodingService codingService;
    private final CaseService caseService;
    private final DomainService domainService;
    private final StudyAccess access;

    CoreIdeaEditing(CoreIdeaRepository coreIdeas, CodingService codingService, CaseService caseService,
            DomainService domainService, StudyAccess access) {
        this.coreIdeas = coreIdeas;
        this.codingService = codingService;
        this.caseService = caseService;
        this.domainService = domainService;
        this.access = access;
    }

    @Transactional
    public CoreIdea add(long studyId, String username, String caseCode, long subsampleId, long domainId, String text,
            Set<Long> codingIds) {
        access.analyst(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        if (!studyCase.belongsTo(subsampleId)) {
            throw new InvalidInputException("coreIdea.subsample.notOfCase", caseCode);
        }
        domainService.domain(studyId, username, domainId);
        Set<Long> links = checkedCodings(studyId, username, studyCase, domainId, codingIds);
        int position = coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId()).stream()
                .filter(i -> i.getDomainId() == domainId && i.getSubsampleId() == subsampleId)
                .mapToInt(CoreIdea::getPosition).max().orElse(-1) + 1;
        CoreIdea idea = new CoreIdea(studyId, studyCase.getId(), subsampleId, domainId, CoreIdeaService.checkedText(text), position);
        idea.link(links);
        return coreIdeas.save(idea);
    }

    @Transactional
    public CoreIdea rewrite(long studyId, String username, long coreIdeaId, long expectedVersion, String text) {
        access.analyst(studyId, username);
        CoreIdea idea = ideaOf(studyId, coreIdeaId);
        if (idea.getVersion() != expectedVersion) {
            throw new CoreIdeaConflict(idea);
        }
        idea.rewrite(CoreIdeaService.checkedText(text));
        return idea;
    }

    @Transactional
    public void link(long studyId, String username, long coreIdeaId, Set<Long> codingIds) {
        access.analyst(studyId, username);
        CoreIdea idea = ideaOf(studyId, coreIdeaId);
        StudyCase studyCase = caseService.caseById(studyId, username, idea.getCaseId());
        idea.link(checkedCodings(studyId, username, studyCase, idea.getDomainId(), codingIds));
    }

    @Transactional
    public void unlink(long studyId, String username, long coreIdeaId, long codingId) {
        access.analyst(studyId, username);
        ideaOf(studyId, coreIdeaId).unlink(Set.of(codingId));
    }

    @Transactional
    public void move(long studyId, String username, long coreIdeaId, boolean up) {
        access.analyst(studyId, username);
        CoreIdea idea = ideaOf(studyId, coreIdeaId);
        List<CoreIdea> siblings = new ArrayList<>(coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(idea.getCaseId()).stream()
                .filter(i -> i.getDomainId().equals(idea.getDomainId()) && i.getSubsampleId().equals(idea.getSubsampleId()))
                .toList());
        int index = siblings.indexOf(idea);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.add(other, siblings.remove(index));
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).moveTo(i);
        }
    }

    @Transactional
    public void delete(long studyId, String username, long coreIdeaId, long expectedVersion) {
        access.analyst(studyId, username);
        CoreIdea idea = ideaOf(studyId, coreIdeaId);
        if (idea.getVersion() != expectedVersion) {
            throw new CoreIdeaConflict(idea);
        }
        coreIdeas.delete(idea);
    }

    /** Links must be consensus codings of the same case and domain. */
    private Set<Long> checkedCodings(long studyId, String username, StudyCase studyCase, long domainId, Set<Long> codingIds) {
        if (codingIds == null || codingIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> allowed = new HashSet<>();
        for (Coding c : codingService.caseCodings(studyId, username, studyCase.getCode()).consensus()) {
            if (Objects.equals(c.getDomainId(), domainId)) {
                allowed.add(c.getId());
            }
        }
        if (!allowed.containsAll(codingIds)) {
            throw new InvalidInputException("coreIdea.link.foreign");
        }
        return codingIds;
    }

    private CoreIdea ideaOf(long studyId, long id) {
        return coreIdeas.findForUpdateById(id).filter(i -> i.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("coreIdea.notFound"));
    }
}
