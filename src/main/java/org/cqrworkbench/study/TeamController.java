package org.cqrworkbench.study;

import java.security.Principal;
import java.util.Locale;
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

/** The team page: members with their roles and their recorded biases and expectations. */
@Controller
@RequestMapping("/studies/{studyId}/team")
class TeamController {

    private final StudyAccess access;
    private final StudyService studyService;
    private final MessageSource messages;

    TeamController(StudyAccess access, StudyService studyService, MessageSource messages) {
        this.access = access;
        this.studyService = studyService;
        this.messages = messages;
    }

    @GetMapping
    String team(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "team");
        model.addAttribute("team", studyService.team(studyId, principal.getName()));
        model.addAttribute("roles", StudyRole.values());
        if (!model.containsAttribute("biases")) {
            model.addAttribute("biases", me.getBiases());
            model.addAttribute("biasesVersion", me.getVersion());
        }
        return "study/team";
    }

    @PostMapping
    String add(@PathVariable long studyId, Principal principal, @RequestParam String username,
            @RequestParam(required = false) StudyRole role, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            studyService.addMember(studyId, principal.getName(), username, role);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("newUsername", username);
            return team(studyId, principal, model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("team.added", new Object[] {username.trim()}, locale));
        return "redirect:/studies/" + studyId + "/team";
    }

    @PostMapping("/{memberId}/role")
    String changeRole(@PathVariable long studyId, @PathVariable long memberId, @RequestParam StudyRole role,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return afterChange(studyId, locale, redirect, () -> studyService.changeRole(studyId, principal.getName(), memberId, role));
    }

    @PostMapping("/{memberId}/remove")
    String remove(@PathVariable long studyId, @PathVariable long memberId, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        return afterChange(studyId, locale, redirect, () -> studyService.removeMember(studyId, principal.getName(), memberId));
    }

    @PostMapping("/biases")
    String biases(@PathVariable long studyId, Principal principal, @RequestParam long version,
            @RequestParam(required = false) String biases, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            studyService.recordBiases(studyId, principal.getName(), version, biases);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("biasesError", e.localizedMessage(messages, locale));
            String page = team(studyId, principal, model);
            if (e instanceof ConflictException) {
                model.addAttribute("savedBiases", model.getAttribute("biases"));
            }
            model.addAttribute("biases", biases);
            return page;
        }
        redirect.addFlashAttribute("notice", messages.getMessage("team.biases.saved", null, locale));
        return "redirect:/studies/" + studyId + "/team";
    }

    private String afterChange(long studyId, Locale locale, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:/studies/" + studyId + "/team";
    }
}
