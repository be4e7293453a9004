package org.cqrworkbench.overview;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.CodingProgress;
import org.cqrworkbench.coding.CodingProgress.CaseProgress;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class OverviewController {

    private final StudyAccess access;
    private final StudyService studyService;
    private final CaseService caseService;
    private final CodingProgress codingProgress;
    private final DomainService domainService;
    private final MessageSource messages;

    OverviewController(StudyAccess access, StudyService studyService, CaseService caseService, CodingProgress codingProgress,
            DomainService domainService, MessageSource messages) {
        this.access = access;
        this.studyService = studyService;
        this.caseService = caseService;
        this.codingProgress = codingProgress;
        this.domainService = domainService;
        this.messages = messages;
    }

    @GetMapping("/studies/{studyId}")
    String overview(@PathVariable long studyId, Principal principal, Model model, Locale locale, HttpServletRequest request) {
        StudyMember me = access.member(studyId, principal.getName());
        List<CaseCode> cases = caseService.caseCodes(studyId, principal.getName());
        List<SubsampleInfo> subsamples = caseService.subsamples(studyId, principal.getName());
        List<Long> caseIds = cases.stream().map(CaseCode::id).toList();
        List<Domain> domains = domainService.domains(studyId, principal.getName());
        Map<Long, CaseProgress> progress = codingProgress.byCase(studyId, principal.getName(), caseIds);
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "overview");
        model.addAttribute("team", studyService.team(studyId, principal.getName()));
        model.addAttribute("cases", cases);
        model.addAttribute("subsamples", subsamples);
        // The progress knows each case's transcript length, so whether it has a transcript needs no query of its own.
        model.addAttribute("withTranscript", progress.values().stream().filter(p -> p.transcriptLength() != null).count());
        model.addAttribute("domains", domains);
        model.addAttribute("grid", ProgressGrid.of(request.getContextPath() + "/studies/" + studyId + "/cases/", cases,
                domains, progress, caseService.steps(studyId, principal.getName()), messages, locale));
        model.addAttribute("stepNames", CaseStep.values());
        model.addAttribute("maxN", subsamples.stream().mapToLong(SubsampleInfo::n).max().orElse(0));
        return "overview/overview";
    }
}
