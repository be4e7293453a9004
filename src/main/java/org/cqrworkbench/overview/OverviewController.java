package org.cqrworkbench.overview;

import java.security.Principal;
import java.util.HashSet;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.coding.CodingProgress;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class OverviewController {

    private final StudyAccess access;
    private final StudyService studyService;
    private final CaseService caseService;
    private final TranscriptRepository transcripts;
    private final CodingProgress codingProgress;
    private final DomainService domainService;

    OverviewController(StudyAccess access, StudyService studyService, CaseService caseService,
            TranscriptRepository transcripts, CodingProgress codingProgress, DomainService domainService) {
        this.codingProgress = codingProgress;
        this.domainService = domainService;
        this.access = access;
        this.studyService = studyService;
        this.caseService = caseService;
        this.transcripts = transcripts;
    }

    @GetMapping("/studies/{studyId}")
    String overview(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        StudyDesign design = caseService.design(studyId, principal.getName());
        var withTranscript = new HashSet<>(transcripts.caseIdsWithTranscript(
                design.cases().stream().map(StudyCase::getId).toList()));
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "overview");
        model.addAttribute("team", studyService.team(studyId, principal.getName()));
        model.addAttribute("design", design);
        model.addAttribute("withTranscript", withTranscript);
        model.addAttribute("domains", domainService.domains(studyId, principal.getName()));
        model.addAttribute("progress", codingProgress.byCase(studyId, principal.getName(),
                design.cases().stream().map(StudyCase::getId).toList()));
        model.addAttribute("steps", caseService.steps(studyId, principal.getName(),
                design.cases().stream().map(StudyCase::getId).toList()));
        model.addAttribute("stepNames", org.cqrworkbench.cases.CaseStep.values());
        model.addAttribute("maxN", design.subsamples().stream().mapToLong(StudyDesign.SubsampleInfo::n).max().orElse(0));
        return "overview/overview";
    }
}
