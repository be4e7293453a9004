package org.cqrworkbench.notes;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cqrworkbench.account.UserAccount;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The study's notes: every member reads them; leads and judges write them; the lead or the author removes one. */
@Controller
@RequestMapping("/studies/{studyId}/notes")
class NotesController {

    /** A note as the page shows it, with its author's name. */
    public record Shown(StudyNote note, String author, boolean removable) {
    }

    private final StudyNoteRepository notes;
    private final UserAccountRepository accounts;
    private final StudyAccess access;
    private final MessageSource messages;
    private final Clock clock;

    NotesController(StudyNoteRepository notes, UserAccountRepository accounts, StudyAccess access, MessageSource messages,
            Clock clock) {
        this.notes = notes;
        this.accounts = accounts;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    String notes(@PathVariable long studyId, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        List<StudyNote> all = notes.findByStudyIdOrderByCreatedAtDescIdDesc(studyId);
        Map<Long, String> names = new HashMap<>();
        accounts.findAllById(all.stream().map(StudyNote::getAuthorId).filter(Objects::nonNull).distinct().toList())
                .forEach(a -> names.put(a.getId(), a.getDisplayName()));
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "overview");
        model.addAttribute("mayWrite", me.getRole().mayEditAnalysis());
        model.addAttribute("notes", all.stream().map(n -> new Shown(n, names.get(n.getAuthorId()), mayRemove(me, n))).toList());
        return "notes/notes";
    }

    @PostMapping
    @Transactional
    String add(@PathVariable long studyId, @RequestParam(required = false) String title, @RequestParam(required = false) String body,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        StudyMember me = access.analyst(studyId, principal.getName());
        String checkedBody = body == null ? "" : body.strip();
        String checkedTitle = title == null ? "" : title.strip();
        try {
            if (checkedBody.isEmpty()) {
                throw new InvalidInputException("notes.body.required");
            }
            if (checkedTitle.length() > StudyNote.MAX_TITLE || checkedBody.length() > StudyNote.MAX_BODY) {
                throw new InvalidInputException("text.tooLong", checkedTitle.length() > StudyNote.MAX_TITLE ? StudyNote.MAX_TITLE : StudyNote.MAX_BODY);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
            redirect.addFlashAttribute("typedTitle", title);
            redirect.addFlashAttribute("typedBody", body);
            return "redirect:/studies/" + studyId + "/notes";
        }
        UserAccount author = me.getUser();
        notes.save(new StudyNote(studyId, checkedTitle.isEmpty() ? firstWords(checkedBody) : checkedTitle, checkedBody,
                author.getId(), Instant.now(clock)));
        redirect.addFlashAttribute("notice", messages.getMessage("notes.added", null, locale));
        return "redirect:/studies/" + studyId + "/notes";
    }

    @PostMapping("/{noteId}/delete")
    @Transactional
    String delete(@PathVariable long studyId, @PathVariable long noteId, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        StudyMember me = access.analyst(studyId, principal.getName());
        StudyNote note = notes.findById(noteId).filter(n -> n.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("notes.notFound"));
        if (!mayRemove(me, note)) {
            throw new ForbiddenException("study.forbidden");
        }
        notes.delete(note);
        redirect.addFlashAttribute("notice", messages.getMessage("notes.deleted", null, locale));
        return "redirect:/studies/" + studyId + "/notes";
    }

    private static boolean mayRemove(StudyMember me, StudyNote note) {
        return me.getRole() == StudyRole.LEAD
                || (me.getRole().mayEditAnalysis() && me.getUser().getId().equals(note.getAuthorId()));
    }

    private static String firstWords(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }
}
