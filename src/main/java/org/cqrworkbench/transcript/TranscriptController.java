package org.cqrworkbench.transcript;

import java.security.Principal;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Reading a transcript as speaker turns. */
@Controller
class TranscriptController {

    private final StudyAccess access;
    private final CaseService caseService;
    private final TranscriptRepository transcripts;

    TranscriptController(StudyAccess access, CaseService caseService, TranscriptRepository transcripts) {
        this.access = access;
        this.caseService = caseService;
        this.transcripts = transcripts;
    }

    @GetMapping("/studies/{studyId}/cases/{code}/transcript")
    String show(@PathVariable long studyId, @PathVariable String code, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("studyCase", studyCase);
        transcripts.findByCaseId(studyCase.getId()).ifPresent(t -> {
            model.addAttribute("transcript", t);
            model.addAttribute("turns", TranscriptText.turns(t.getBody()));
            model.addAttribute("words", TranscriptText.wordCount(t.getBody()));
        });
        return "transcript/transcript";
    }
}
