package org.cqrworkbench.coding;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService.CaseCodings;
import org.cqrworkbench.coding.CodingService.CodingPageView;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coding page of one case: the transcript as speaker turns, the domain list, and the codings drawn over the text. */
@Controller
class CodingPage {

    private final CodingService codingService;
    private final DomainService domainService;
    private final CaseService caseService;
    private final MessageSource messages;

    CodingPage(CodingService codingService, DomainService domainService, CaseService caseService, MessageSource messages) {
        this.codingService = codingService;
        this.domainService = domainService;
        this.caseService = caseService;
        this.messages = messages;
    }

    /** A judge on an independently coded case works in their private draft. */
    static boolean drafting(CaseCodings view) {
        return drafting(view.studyCase(), view.viewer());
    }

    private static boolean drafting(StudyCase studyCase, StudyMember viewer) {
        return studyCase.getCodingMode() == CodingMode.INDEPENDENT && viewer.getRole() != StudyRole.AUDITOR;
    }

    /** `consensus` lets the team code straight into the consensus of an independently coded case. */
    @GetMapping("/studies/{studyId}/cases/{code}/coding")
    String page(@PathVariable long studyId, @PathVariable String code, @RequestParam(defaultValue = "false") boolean consensus,
            Principal principal, Model model) {
        CodingPageView view = codingService.page(studyId, principal.getName(), code);
        boolean drafting = drafting(view.studyCase(), view.viewer());
        model.addAttribute("study", view.viewer().getStudy());
        model.addAttribute("me", view.viewer());
        model.addAttribute("section", "cases");
        model.addAttribute("studyCase", view.studyCase());
        model.addAttribute("domains", domainService.domains(studyId, principal.getName()));
        model.addAttribute("drafting", drafting && !consensus);
        model.addAttribute("consensusMode", drafting && consensus);
        model.addAttribute("draftDone", view.ownDraftDone());
        model.addAttribute("mayEdit", view.viewer().getRole().mayEditAnalysis());
        model.addAttribute("codingIds", view.consensusIds());
        model.addAttribute("isLead", view.viewer().getRole() == StudyRole.LEAD);
        model.addAttribute("hasTranscript", view.turnsMarkup() != null);
        model.addAttribute("turnsMarkup", view.turnsMarkup());
        return "coding/coding";
    }

    @PostMapping("/studies/{studyId}/cases/{code}/coding/draft")
    String markDone(@PathVariable long studyId, @PathVariable String code, @RequestParam boolean done, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        codingService.markDraftDone(studyId, principal.getName(), code, done);
        redirect.addFlashAttribute("notice", messages.getMessage(done ? "coding.draft.markedDone" : "coding.draft.reopened", null, locale));
        return "redirect:/studies/" + studyId + "/cases/" + code + "/coding";
    }

    @PostMapping("/studies/{studyId}/cases/{code}/coding/mode")
    String mode(@PathVariable long studyId, @PathVariable String code, @RequestParam CodingMode mode, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        long caseId = caseService.caseByCode(studyId, principal.getName(), code).getId();
        caseService.setCodingMode(studyId, principal.getName(), caseId, mode);
        redirect.addFlashAttribute("notice", messages.getMessage("coding.mode.saved", null, locale));
        return "redirect:/studies/" + studyId + "/cases/" + code + "/coding";
    }
}
