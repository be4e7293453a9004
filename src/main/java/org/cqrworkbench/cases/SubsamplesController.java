package org.cqrworkbench.cases;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Kinds of experience analysed separately; reached from the study settings, since a one-subsample study never needs it. */
@Controller
@RequestMapping("/studies/{studyId}/subsamples")
class SubsamplesController {

    private final StudyAccess access;
    private final CaseService caseService;
    private final MessageSource messages;

    SubsamplesController(StudyAccess access, CaseService caseService, MessageSource messages) {
        this.access = access;
        this.caseService = caseService;
        this.messages = messages;
    }

    @GetMapping
    String list(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("design", caseService.design(studyId, principal.getName()));
        return "cases/subsamples";
    }

    @PostMapping
    String add(@PathVariable long studyId, Principal principal, @RequestParam String name,
            @RequestParam(required = false) String tableTitle, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            caseService.addSubsample(studyId, principal.getName(), name, tableTitle);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("newName", name);
            model.addAttribute("newTitle", tableTitle);
            return list(studyId, principal, model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("subsample.added", new Object[] {name.trim()}, locale));
        return back(studyId);
    }

    @PostMapping("/{subsampleId}")
    String update(@PathVariable long studyId, @PathVariable long subsampleId, @RequestParam long version,
            @RequestParam String name, @RequestParam(required = false) String tableTitle, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        return afterChange(studyId, locale, redirect,
                () -> caseService.updateSubsample(studyId, principal.getName(), subsampleId, version, name, tableTitle));
    }

    @PostMapping("/{subsampleId}/move")
    String move(@PathVariable long studyId, @PathVariable long subsampleId, @RequestParam String direction,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return afterChange(studyId, locale, redirect,
                () -> caseService.moveSubsample(studyId, principal.getName(), subsampleId, "up".equals(direction)));
    }

    @PostMapping("/{subsampleId}/delete")
    String delete(@PathVariable long studyId, @PathVariable long subsampleId, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        return afterChange(studyId, locale, redirect,
                () -> caseService.deleteSubsample(studyId, principal.getName(), subsampleId));
    }

    private String afterChange(long studyId, Locale locale, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId);
    }

    private static String back(long studyId) {
        return "redirect:/studies/" + studyId + "/subsamples";
    }
}
