package org.cqrworkbench.sample;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.audit.AuditService;
import org.cqrworkbench.audit.AuditStep;
import org.cqrworkbench.audit.ItemType;
import org.cqrworkbench.audit.ReplyKind;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.study.StudyMember;
import org.springframework.stereotype.Component;

/**
 * An audit of the sample study's first cases, with a thread in each state: one accepted with the change made and
 * closed, one not accepted with the team's reason, and one still waiting for an answer.
 */
@Component
class SampleAudit {

    private final AuditService audit;
    private final CaseService caseService;
    private final CodingService codingService;
    private final DomainService domainService;
    private final CoreIdeaRepository coreIdeas;

    SampleAudit(AuditService audit, CaseService caseService, CodingService codingService, DomainService domainService,
            CoreIdeaRepository coreIdeas) {
        this.audit = audit;
        this.caseService = caseService;
        this.codingService = codingService;
        this.domainService = domainService;
        this.coreIdeas = coreIdeas;
    }

    void run(long studyId, String lead, String firstJudge, String secondJudge, String auditor) {
        List<StudyCase> cases = caseService.design(studyId, lead).cases();
        StudyCase p01 = cases.stream().filter(c -> c.getCode().equals("P01")).findFirst().orElseThrow();
        StudyCase p02 = cases.stream().filter(c -> c.getCode().equals("P02")).findFirst().orElseThrow();
        List<Long> auditors = audit.auditors(studyId, lead).stream().map(StudyMember::getUser).map(u -> u.getId()).toList();
        audit.request(studyId, firstJudge, AuditStep.DOMAINS, Set.of(p01.getId(), p02.getId()), auditors,
                "The first two cases coded together. Please look at the boundaries between antecedents and the crying.");
        audit.request(studyId, secondJudge, AuditStep.CORE_IDEAS, Set.of(p02.getId()), auditors, null);

        List<Domain> domains = domainService.domains(studyId, lead);
        long crying = domains.stream().filter(d -> d.getName().equals("The crying event")).findFirst().orElseThrow().getId();
        long antecedents = domains.stream().filter(d -> d.getName().equals("Antecedents")).findFirst().orElseThrow().getId();

        // Accepted with the change made, then closed by the auditor.
        Coding lastAntecedent = codingService.caseCodings(studyId, lead, "P01").consensus().stream()
                .filter(c -> c.getDomainId() == antecedents).max(Comparator.comparingInt(Coding::getStart)).orElseThrow();
        var moved = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CODING, lastAntecedent.getId(), null, null,
                "Here P is already describing the tears coming; this reads as the crying itself rather than what led to it.",
                null, crying));
        audit.answer(studyId, firstJudge, moved.getId(), ReplyKind.ACCEPTED, "Agreed on rereading the turn.", true);
        audit.reply(studyId, auditor, moved.getId(), "Thank you.", true);

        // Not accepted, with the team's reason; the auditor has not replied yet.
        CoreIdea idea = coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(p02.getId()).get(0);
        var kept = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CORE_IDEA, idea.getId(), null, null,
                "This core idea interprets more than P said. Could it stay closer to her words?", null, null));
        audit.answer(studyId, secondJudge, kept.getId(), ReplyKind.NOT_ACCEPTED,
                "We checked the transcript together: P says this almost word for word later in the turn.", false);

        // Waiting for the team.
        Coding firstConsequence = codingService.caseCodings(studyId, lead, "P02").consensus().stream()
                .filter(c -> c.getDomainId() != antecedents && c.getDomainId() != crying)
                .min(Comparator.comparingInt(Coding::getStart)).orElseThrow();
        audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CODING, firstConsequence.getId(), null, null,
                "Is this a consequence already, or still part of the event? P is still in the session here.", null, crying));
    }
}
