package org.cqrworkbench.transcript;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.transcript.TranscriptParts.Boundary;
import org.cqrworkbench.transcript.TranscriptParts.Division;
import org.cqrworkbench.transcript.TranscriptService.Consent;
import org.cqrworkbench.transcript.TranscriptService.Incoming;
import org.cqrworkbench.transcript.TranscriptService.Outcome;
import org.cqrworkbench.transcript.TranscriptService.Preview;
import org.cqrworkbench.transcript.TranscriptText.Turn;
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
 * A case's transcript: read as speaker turns, imported from a file or pasted, replaced after a warning
 * when it has codings, and divided into parts when the case is in several subsamples.
 */
@Controller
@RequestMapping("/studies/{studyId}/cases/{code}/transcript")
class TranscriptController {

    /** A turn as the page shows it, with the subsample of a part that starts in it. */
    record Row(Turn turn, int index, Long partStarts, String partName) {
    }

    private final StudyAccess access;
    private final CaseService caseService;
    private final TranscriptRepository transcripts;
    private final TranscriptParts parts;
    private final TranscriptService transcriptService;
    private final MessageSource messages;

    TranscriptController(StudyAccess access, CaseService caseService, TranscriptRepository transcripts,
            TranscriptParts parts, TranscriptService transcriptService, MessageSource messages) {
        this.access = access;
        this.caseService = caseService;
        this.transcripts = transcripts;
        this.parts = parts;
        this.transcriptService = transcriptService;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable long studyId, @PathVariable String code, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        StudyDesign design = caseService.design(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("studyCase", studyCase);
        model.addAttribute("mayEdit", me.getRole().mayEditAnalysis());
        List<SubsampleInfo> caseSubsamples = design.subsamples().stream().filter(s -> studyCase.belongsTo(s.id())).toList();
        model.addAttribute("caseSubsamples", caseSubsamples);
        transcripts.findByCaseId(studyCase.getId()).ifPresent(t -> {
            Division division = parts.divisionOf(studyCase);
            model.addAttribute("transcript", t);
            model.addAttribute("rows", rows(TranscriptText.turns(t.getBody()), division, design, caseSubsamples));
            model.addAttribute("words", TranscriptText.wordCount(t.getBody()));
            model.addAttribute("divided", division.isDivided());
            model.addAttribute("mayDivide", me.getRole().mayEditAnalysis() && caseSubsamples.size() > 1);
            model.addAttribute("undivided", caseSubsamples.size() > 1 && division.parts().isEmpty());
        });
        return "transcript/transcript";
    }

    /** A file or pasted text. A case whose transcript has codings first gets the warning, with the text kept meanwhile. */
    @PostMapping
    String importText(@PathVariable long studyId, @PathVariable String code,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
            Principal principal, HttpSession session, Model model, Locale locale, RedirectAttributes redirect)
            throws IOException {
        access.analyst(studyId, principal.getName());
        try {
            Incoming incoming = incoming(file, text);
            Preview preview = transcriptService.preview(studyId, principal.getName(), code, incoming);
            if (preview.codings() > 0) {
                PendingImport pending = PendingImport.of(studyId, code, List.of(incoming), List.of(preview.unplaced().size()));
                pending.keepIn(session);
                return confirmation(studyId, code, principal, model, pending, preview);
            }
            return done(studyId, transcriptService.put(studyId, principal.getName(), code, incoming,
                    new Consent(true, false, 0)), locale, redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("pastedText", text);
            return show(studyId, code, principal, model);
        }
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable long studyId, @PathVariable String code, @RequestParam String token,
            @RequestParam(defaultValue = "false") boolean noted, Principal principal, HttpSession session, Model model,
            Locale locale, RedirectAttributes redirect) {
        access.analyst(studyId, principal.getName());
        PendingImport pending = PendingImport.find(session, token, studyId, code).orElse(null);
        if (pending == null) {
            redirect.addFlashAttribute("error", messages.getMessage("transcript.pending.gone", null, locale));
            return back(studyId, code);
        }
        Incoming incoming = pending.files().get(0);
        try {
            Outcome outcome = transcriptService.put(studyId, principal.getName(), code, incoming,
                    new Consent(true, noted, pending.unplacedSeen().get(0)));
            PendingImport.drop(session);
            return done(studyId, outcome, locale, redirect);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            Preview preview = transcriptService.preview(studyId, principal.getName(), code, incoming);
            PendingImport again = pending.seen(List.of(preview.unplaced().size()));
            again.keepIn(session);
            return confirmation(studyId, code, principal, model, again, preview);
        }
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable long studyId, @PathVariable String code, Principal principal, HttpSession session,
            Locale locale, RedirectAttributes redirect) {
        access.analyst(studyId, principal.getName());
        PendingImport.drop(session);
        redirect.addFlashAttribute("notice", messages.getMessage("transcript.cancelled", null, locale));
        return back(studyId, code);
    }

    /**
     * The parts form sends every turn's start with a subsample or nothing: a subsample starts a part there,
     * nothing continues the part before.
     */
    @PostMapping("/parts")
    String divide(@PathVariable long studyId, @PathVariable String code, @RequestParam long version,
            @RequestParam(name = "at", required = false) List<Integer> starts,
            @RequestParam(name = "subsample", required = false) List<String> subsamples,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        access.analyst(studyId, principal.getName());
        try {
            List<Boundary> boundaries = new ArrayList<>();
            for (int i = 0; starts != null && subsamples != null && i < Math.min(starts.size(), subsamples.size()); i++) {
                if (!subsamples.get(i).isBlank()) {
                    boundaries.add(new Boundary(starts.get(i), parseId(subsamples.get(i))));
                }
            }
            parts.divide(studyId, principal.getName(), code, version, boundaries);
            redirect.addFlashAttribute("notice", messages.getMessage("transcript.parts.saved", null, locale));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return back(studyId, code) + "#parts";
    }

    private String confirmation(long studyId, String code, Principal principal, Model model, PendingImport pending,
            Preview preview) {
        model.addAttribute("pending", pending);
        model.addAttribute("preview", preview);
        return show(studyId, code, principal, model);
    }

    private String done(long studyId, Outcome outcome, Locale locale, RedirectAttributes redirect) {
        String key = outcome.replaced() ? "transcript.replaced" : "transcript.imported";
        redirect.addFlashAttribute("notice", messages.getMessage(key,
                new Object[] {outcome.caseCode(), outcome.words()}, locale));
        redirect.addFlashAttribute("outcome", outcome);
        return back(studyId, outcome.caseCode());
    }

    private Incoming incoming(MultipartFile file, String text) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        boolean hasText = text != null && !text.isBlank();
        if (hasFile && hasText) {
            throw new InvalidInputException("transcript.fileOrText");
        }
        if (hasFile) {
            return transcriptService.read(file.getOriginalFilename(), file.getBytes());
        }
        if (file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
            // A file was chosen but it has no bytes at all.
            return transcriptService.read(file.getOriginalFilename(), new byte[0]);
        }
        return transcriptService.paste(text);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("transcript.parts.subsample", id);
        }
    }

    /** Each part's heading goes above the turn it starts in. */
    private static List<Row> rows(List<Turn> turns, Division division, StudyDesign design, List<SubsampleInfo> caseSubsamples) {
        var names = design.subsampleNames();
        Long[] starting = new Long[turns.size()];
        for (TranscriptParts.Part part : division.parts()) {
            for (int i = 0; i < turns.size(); i++) {
                if (turns.get(i).end() > part.start()) {
                    starting[i] = part.subsampleId();
                    break;
                }
            }
        }
        if (!turns.isEmpty() && starting[0] == null) {
            starting[0] = division.subsampleAt(0).orElse(caseSubsamples.isEmpty() ? null : caseSubsamples.get(0).id());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            rows.add(new Row(turns.get(i), i, starting[i], starting[i] == null ? null : names.get(starting[i])));
        }
        return rows;
    }

    private static String back(long studyId, String code) {
        return "redirect:/studies/" + studyId + "/cases/" + code + "/transcript";
    }
}
