package org.cqrworkbench.study;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The study's name, description, research question and the abbreviations its table notes print. */
@Controller
class StudySettingsController {

    private final StudyAccess access;
    private final StudyService studyService;
    private final MessageSource messages;

    StudySettingsController(StudyAccess access, StudyService studyService, MessageSource messages) {
        this.access = access;
        this.studyService = studyService;
        this.messages = messages;
    }

    @GetMapping("/studies/{studyId}/settings")
    String settings(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.lead(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "settings");
        model.addAttribute("form", new StudyDetails(me.getStudy().getName(), me.getStudy().getDescription(),
                me.getStudy().getResearchQuestion(), me.getStudy().getAbbreviations()));
        model.addAttribute("version", me.getStudy().getVersion());
        return "study/settings";
    }

    @PostMapping("/studies/{studyId}/settings")
    String save(@PathVariable long studyId, Principal principal, @RequestParam long version,
            @RequestParam String name, @RequestParam(required = false) String description,
            @RequestParam(required = false) String researchQuestion, @RequestParam(required = false) String abbreviations,
            Model model, Locale locale, RedirectAttributes redirect) {
        StudyDetails form = new StudyDetails(name, description, researchQuestion, abbreviations);
        try {
            studyService.update(studyId, principal.getName(), version, form);
        } catch (InvalidInputException | ConflictException e) {
            settings(studyId, principal, model);
            model.addAttribute("error", e.localizedMessage(messages, locale));
            if (e instanceof ConflictException) {
                // Show what is saved now beside the user's own text, so they can merge by hand.
                model.addAttribute("saved", model.getAttribute("form"));
            } else {
                model.addAttribute("version", version);
            }
            model.addAttribute("form", form);
            return "study/settings";
        }
        redirect.addFlashAttribute("notice", messages.getMessage("study.saved", null, locale));
        return "redirect:/studies/" + studyId + "/settings";
    }
}
