package org.cqrworkbench.transcript;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.transcript.TranscriptService.Action;
import org.cqrworkbench.transcript.TranscriptService.BatchItem;
import org.cqrworkbench.transcript.TranscriptService.Consent;
import org.cqrworkbench.transcript.TranscriptService.Incoming;
import org.cqrworkbench.transcript.TranscriptService.Outcome;
import org.cqrworkbench.transcript.TranscriptService.Planned;
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
 * Importing many transcripts at once, each file going to the case of the same name. Files for new cases
 * or for cases that already have a transcript wait for the user's answer; the rest go straight in.
 * Either way the whole batch is stored in one transaction.
 */
@Controller
@RequestMapping("/studies/{studyId}/transcripts/import")
class TranscriptImportController {

    private final StudyAccess access;
    private final CaseService caseService;
    private final TranscriptService transcriptService;
    private final MessageSource messages;

    TranscriptImportController(StudyAccess access, CaseService caseService, TranscriptService transcriptService,
            MessageSource messages) {
        this.access = access;
        this.caseService = caseService;
        this.transcriptService = transcriptService;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.analyst(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        var design = caseService.design(studyId, principal.getName());
        model.addAttribute("firstSubsample", design.hasSeveralSubsamples() ? design.defaultSubsample().name() : null);
        return "transcript/import";
    }

    @PostMapping
    String upload(@PathVariable long studyId, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Principal principal, HttpSession session, Model model, Locale locale, RedirectAttributes redirect)
            throws IOException {
        access.analyst(studyId, principal.getName());
        try {
            List<Incoming> read = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                // With no file chosen, browsers still send one nameless, empty part.
                if (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
                    read.add(transcriptService.read(file.getOriginalFilename(), file.getBytes()));
                }
            }
            List<Planned> plan = transcriptService.plan(studyId, principal.getName(), read);
            if (plan.stream().noneMatch(Planned::needsAnswer)) {
                return done(studyId, transcriptService.importBatch(studyId, principal.getName(),
                        items(plan, Set.of(), Set.of(), Set.of(), null)), locale, redirect);
            }
            PendingImport pending = PendingImport.of(studyId, null, read, seen(plan));
            pending.keepIn(session);
            return confirmation(studyId, principal, model, pending, plan);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            return page(studyId, principal, model);
        }
    }

    /** Checkboxes name files by their place in the batch. Files left unticked are not imported. */
    @PostMapping("/confirm")
    String confirm(@PathVariable long studyId, @RequestParam String token,
            @RequestParam(name = "create", required = false) Set<Integer> create,
            @RequestParam(name = "replace", required = false) Set<Integer> replace,
            @RequestParam(name = "noted", required = false) Set<Integer> noted,
            Principal principal, HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
        access.analyst(studyId, principal.getName());
        PendingImport pending = PendingImport.find(session, token, studyId, null).orElse(null);
        if (pending == null) {
            redirect.addFlashAttribute("error", messages.getMessage("transcript.pending.gone", null, locale));
            return back(studyId);
        }
        Set<Integer> created = create == null ? Set.of() : create;
        Set<Integer> replaced = replace == null ? Set.of() : replace;
        Set<Integer> notedOnes = noted == null ? Set.of() : noted;
        try {
            // Planned again: someone may have created a case or coded a transcript since the question was asked.
            List<Planned> plan = transcriptService.plan(studyId, principal.getName(), pending.files());
            List<BatchItem> items = items(plan, created, replaced, notedOnes, pending.unplacedSeen());
            PendingImport.drop(session);
            if (items.isEmpty()) {
                redirect.addFlashAttribute("notice", messages.getMessage("transcript.batch.nothing", null, locale));
                return back(studyId);
            }
            return done(studyId, transcriptService.importBatch(studyId, principal.getName(), items), locale, redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("ticked", new Ticked(created, replaced, notedOnes));
            try {
                List<Planned> plan = transcriptService.plan(studyId, principal.getName(), pending.files());
                PendingImport again = pending.seen(seen(plan));
                again.keepIn(session);
                return confirmation(studyId, principal, model, again, plan);
            } catch (InvalidInputException | ConflictException stillBad) {
                return page(studyId, principal, model);
            }
        }
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable long studyId, Principal principal, HttpSession session, Locale locale,
            RedirectAttributes redirect) {
        access.analyst(studyId, principal.getName());
        PendingImport.drop(session);
        redirect.addFlashAttribute("notice", messages.getMessage("transcript.batch.nothing", null, locale));
        return back(studyId);
    }

    /** Which boxes were ticked, so a refused confirmation shows the user's answers again. */
    record Ticked(Set<Integer> create, Set<Integer> replace, Set<Integer> noted) {
    }

    private static List<BatchItem> items(List<Planned> plan, Set<Integer> create, Set<Integer> replace, Set<Integer> noted,
            List<Integer> seen) {
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned planned = plan.get(i);
            boolean chosen = planned.action() == Action.IMPORT
                    || planned.action() == Action.CREATE && create.contains(i)
                    || planned.action() == Action.REPLACE && replace.contains(i);
            if (chosen) {
                Consent consent = new Consent(replace.contains(i), noted.contains(i), seen == null ? 0 : seen.get(i));
                items.add(new BatchItem(planned.incoming(), planned.caseCode(), planned.action() == Action.CREATE, consent));
            }
        }
        return items;
    }

    private static List<Integer> seen(List<Planned> plan) {
        return plan.stream().map(p -> p.unplaced().size()).toList();
    }

    private String confirmation(long studyId, Principal principal, Model model, PendingImport pending, List<Planned> plan) {
        model.addAttribute("pending", pending);
        model.addAttribute("plan", plan);
        return page(studyId, principal, model);
    }

    private String done(long studyId, List<Outcome> outcomes, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("transcript.batch.done",
                new Object[] {outcomes.size()}, locale));
        redirect.addFlashAttribute("outcomes", outcomes);
        return back(studyId);
    }

    private static String back(long studyId) {
        return "redirect:/studies/" + studyId + "/transcripts/import";
    }
}
