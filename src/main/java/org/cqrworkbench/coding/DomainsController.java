package org.cqrworkbench.coding;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The domain list page. Every change is a plain form post that redirects back to the list, so it works without
 * script and the browser's back button never repeats a change. Refused input comes back with what was typed.
 */
@Controller
@RequestMapping("/studies/{studyId}/domains")
class DomainsController {

    /**
     * What someone typed into a domain's form when their save was refused, shown beside the saved version.
     * It rides to the next page in the session, which the database keeps, so it must serialise.
     */
    record Typed(long domainId, String name, String definition, boolean conflict) implements java.io.Serializable {
    }

    private final StudyAccess access;
    private final DomainService domainService;
    private final DomainListImport importer;
    private final MessageSource messages;

    DomainsController(StudyAccess access, DomainService domainService, DomainListImport importer, MessageSource messages) {
        this.access = access;
        this.domainService = domainService;
        this.importer = importer;
        this.messages = messages;
    }

    @GetMapping
    String list(@PathVariable long studyId, Principal principal, Model model) {
        common(model, studyId, principal);
        model.addAttribute("list", domainService.list(studyId, principal.getName()));
        return "coding/domains";
    }

    @PostMapping
    String create(@PathVariable long studyId, @RequestParam String name, @RequestParam(required = false) String definition,
            @RequestParam(required = false) Long parentId, Principal principal, Locale locale, RedirectAttributes redirect) {
        try {
            Domain created = domainService.create(studyId, principal.getName(), name, definition, parentId);
            redirect.addFlashAttribute("notice", messages.getMessage("domains.added", new Object[] {created.getName()}, locale));
            return back(studyId, created.getId());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("newDomain", new Typed(0, name, definition, false));
            return back(studyId, null);
        }
    }

    @PostMapping("/other")
    String addOther(@PathVariable long studyId, Principal principal, Locale locale, RedirectAttributes redirect) {
        return change(studyId, null, locale, redirect, () -> {
            Domain other = domainService.addOther(studyId, principal.getName(),
                    messages.getMessage("domains.other.definition", null, locale));
            redirect.addFlashAttribute("notice", messages.getMessage("domains.added", new Object[] {other.getName()}, locale));
        });
    }

    @PostMapping("/outline")
    String outline(@PathVariable long studyId, @RequestParam String outline, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        try {
            DomainListImport.Summary summary = importer.outline(studyId, principal.getName(), outline);
            redirect.addFlashAttribute("notice", summary(summary, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("outline", outline);
        }
        return back(studyId, null);
    }

    @PostMapping("/{domainId}")
    String describe(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long version,
            @RequestParam String name, @RequestParam(required = false) String definition, Principal principal,
            Locale locale, RedirectAttributes redirect) {
        try {
            domainService.describe(studyId, principal.getName(), domainId, version, name, definition);
            redirect.addFlashAttribute("notice", messages.getMessage("domains.saved", new Object[] {name.strip()}, locale));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("typed", new Typed(domainId, name, definition, e instanceof ConflictException));
        }
        return back(studyId, domainId);
    }

    @PostMapping("/{domainId}/move")
    String move(@PathVariable long studyId, @PathVariable long domainId, @RequestParam String direction,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return change(studyId, domainId, locale, redirect,
                () -> domainService.move(studyId, principal.getName(), domainId, "up".equals(direction)));
    }

    @PostMapping("/{domainId}/nest")
    String nest(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long version,
            @RequestParam(required = false) Long parentId, Principal principal, Locale locale, RedirectAttributes redirect) {
        return change(studyId, domainId, locale, redirect,
                () -> domainService.nest(studyId, principal.getName(), domainId, version, parentId));
    }

    @PostMapping("/{domainId}/merge")
    String merge(@PathVariable long studyId, @PathVariable long domainId, @RequestParam long targetId,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return change(studyId, targetId, locale, redirect, () -> {
            DomainService.Removal merged = domainService.merge(studyId, principal.getName(), domainId, targetId);
            redirect.addFlashAttribute("notice", messages.getMessage("domains.merged",
                    new Object[] {merged.removed(), merged.target()}, locale));
        });
    }

    @PostMapping("/{domainId}/delete")
    String delete(@PathVariable long studyId, @PathVariable long domainId, @RequestParam(required = false) Long targetId,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return change(studyId, targetId, locale, redirect, () -> {
            DomainService.Removal deleted = domainService.delete(studyId, principal.getName(), domainId, targetId);
            redirect.addFlashAttribute("notice", deleted.target() == null
                    ? messages.getMessage("domains.deleted", new Object[] {deleted.removed()}, locale)
                    : messages.getMessage("domains.deletedInto", new Object[] {deleted.removed(), deleted.target()}, locale));
        });
    }

    @GetMapping("/{domainId}/split")
    String splitPage(@PathVariable long studyId, @PathVariable long domainId, Principal principal, Model model) {
        access.analyst(studyId, principal.getName());
        common(model, studyId, principal);
        model.addAttribute("domain", domainService.domain(studyId, principal.getName(), domainId));
        model.addAttribute("codings", domainService.consensusCodings(studyId, principal.getName(), domainId));
        return "coding/split";
    }

    @PostMapping("/{domainId}/split")
    String split(@PathVariable long studyId, @PathVariable long domainId,
            @RequestParam(name = "coding", required = false) Set<Long> codingIds, @RequestParam String name,
            @RequestParam(required = false) String definition, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        try {
            Domain created = domainService.split(studyId, principal.getName(), domainId, codingIds, name, definition);
            redirect.addFlashAttribute("notice", messages.getMessage("domains.split.done",
                    new Object[] {codingIds.size(), created.getName()}, locale));
            return back(studyId, created.getId());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("typed", new Typed(domainId, name, definition, false));
            redirect.addFlashAttribute("chosen", codingIds == null ? Set.of() : codingIds);
            return "redirect:/studies/" + studyId + "/domains/" + domainId + "/split";
        }
    }

    private String change(long studyId, Long domainId, Locale locale, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId, domainId);
    }

    private String summary(DomainListImport.Summary summary, Locale locale) {
        String added = messages.getMessage("domains.import.done", new Object[] {summary.added()}, locale);
        if (summary.skipped().isEmpty()) {
            return added;
        }
        return added + " " + messages.getMessage("domains.import.skipped",
                new Object[] {String.join(", ", summary.skipped())}, locale);
    }

    private StudyMember common(Model model, long studyId, Principal principal) {
        StudyMember me = access.member(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "domains");
        model.addAttribute("mayEdit", me.getRole().mayEditAnalysis());
        return me;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            if (file.isEmpty()) {
                throw new InvalidInputException("import.empty");
            }
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("upload.unreadable");
        }
    }

    /** Back to the list, scrolled to the domain that changed so keyboard users keep their place. */
    private static String back(long studyId, Long domainId) {
        return "redirect:/studies/" + studyId + "/domains" + (domainId == null ? "" : "#domain-" + domainId);
    }
}
