package org.cqrworkbench.study;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: the studies the user belongs to, and a way to start a new one. */
@Controller
class HomeController {

    private final StudyService studyService;
    private final MessageSource messages;

    HomeController(StudyService studyService, MessageSource messages) {
        this.studyService = studyService;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("memberships", studyService.studiesOf(principal.getName()));
        return "study/home";
    }

    @PostMapping("/studies")
    String create(Principal principal, @RequestParam String name,
            @RequestParam(required = false) String researchQuestion, Model model, Locale locale) {
        try {
            Study study = studyService.create(principal.getName(), new StudyDetails(name, null, researchQuestion, null));
            return "redirect:/studies/" + study.getId();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("name", name);
            model.addAttribute("researchQuestion", researchQuestion);
            return home(principal, model);
        }
    }
}
