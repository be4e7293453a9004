package org.cqrworkbench.audit;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cqrworkbench.audit.AuditService.NewComment;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyService;
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

/**
 * The audit page (requests, each auditor's queue, every thread) and the forms the coding, core-idea and
 * cross-analysis pages post comments and answers to. Forms say where to return, within the same study only.
 */
@Controller
@RequestMapping("/studies/{studyId}/audit")
class AuditController {

    public record RequestView(AuditRequest request, String requestedBy, List<String> targets, List<String> auditors,
            boolean waitingForMe, long threads, long closedThreads) {
    }

    private final AuditService auditService;
    private final AuditView auditView;
    private final AuditRequestRepository requests;
    private final AuditAssignmentRepository assignments;
    private final AuditCommentRepository comments;
    private final StudyAccess access;
    private final StudyService studyService;
    private final CaseService caseService;
    private final DomainService domainService;
    private final MessageSource messages;

    AuditController(AuditService auditService, AuditView auditView, AuditRequestRepository requests,
            AuditAssignmentRepository assignments, AuditCommentRepository comments, StudyAccess access, StudyService studyService,
            CaseService caseService, DomainService domainService, MessageSource messages) {
        this.auditService = auditService;
        this.auditView = auditView;
        this.requests = requests;
        this.assignments = assignments;
        this.comments = comments;
        this.access = access;
        this.studyService = studyService;
        this.caseService = caseService;
        this.domainService = domainService;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long studyId, @RequestParam(required = false) ThreadStatus status, Principal principal, Model model) {
        StudyMember me = access.member(studyId, principal.getName());
        String username = principal.getName();
        Map<Long, String> names = studyService.team(studyId, username).stream()
                .collect(Collectors.toMap(m -> m.getUser().getId(), m -> m.getUser().getDisplayName()));
        List<StudyCase> cases = caseService.design(studyId, username).cases();
        List<Domain> domains = domainService.domains(studyId, username);
        Map<Long, String> caseCodes = cases.stream().collect(Collectors.toMap(StudyCase::getId, StudyCase::getCode));
        Map<Long, String> domainNames = domains.stream().collect(Collectors.toMap(Domain::getId, Domain::getName));
        List<AuditRequest> all = requests.findByStudyIdOrderByRequestedAtDesc(studyId);
        var assigned = assignments.findByKeyRequestIdIn(all.stream().map(AuditRequest::getId).toList()).stream()
                .collect(Collectors.groupingBy(AuditAssignment::requestId));
        var threadsByRequest = comments.findByStudyIdOrderByCreatedAtAsc(studyId).stream()
                .filter(c -> c.getRequestId() != null).collect(Collectors.groupingBy(AuditComment::getRequestId));
        long myId = me.getUser().getId();
        List<RequestView> views = all.stream().map(r -> {
            var mine = assigned.getOrDefault(r.getId(), List.of());
            var threads = threadsByRequest.getOrDefault(r.getId(), List.of());
            Map<Long, String> targetNames = r.getStep() == AuditStep.CROSS_ANALYSIS ? domainNames : caseCodes;
            return new RequestView(r, names.getOrDefault(r.getRequestedBy(), "?"),
                    r.getTargetIds().stream().map(t -> targetNames.getOrDefault(t, "?")).sorted().toList(),
                    mine.stream().map(a -> names.getOrDefault(a.auditorId(), "?") + (a.isReviewed() ? " ✓" : "")).toList(),
                    mine.stream().anyMatch(a -> a.auditorId() == myId && !a.isReviewed()),
                    threads.size(), threads.stream().filter(c -> c.getStatus() == ThreadStatus.CLOSED).count());
        }).toList();
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "audit");
        model.addAttribute("requests", views);
        model.addAttribute("queue", views.stream().filter(RequestView::waitingForMe).toList());
        model.addAttribute("threads", auditView.all(studyId, username, status));
        model.addAttribute("status", status);
        model.addAttribute("cases", cases);
        model.addAttribute("domains", domains);
        model.addAttribute("caseCodes", caseCodes);
        model.addAttribute("auditors", auditService.auditors(studyId, username));
        model.addAttribute("suggested", auditService.suggestedAuditors(studyId, username).stream().map(m -> m.getUser().getId()).toList());
        model.addAttribute("steps", AuditStep.values());
        return "audit/audit";
    }

    @PostMapping("/requests")
    String request(@PathVariable long studyId, @RequestParam(name = "step", required = false) String stepName,
            @RequestParam(name = "caseTarget", required = false) Set<Long> caseTargets,
            @RequestParam(name = "domainTarget", required = false) Set<Long> domainTargets,
            @RequestParam(name = "auditor", required = false) Set<Long> auditors, @RequestParam(required = false) String note,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        // The role is checked before the form is read, so an auditor is refused whatever they send.
        access.analyst(studyId, principal.getName());
        AuditStep step = java.util.Arrays.stream(AuditStep.values()).filter(s -> s.name().equals(stepName)).findFirst().orElse(null);
        return act(studyId, null, locale, redirect, "audit.requested", () -> auditService.request(studyId, principal.getName(), step,
                step == AuditStep.CROSS_ANALYSIS ? domainTargets : caseTargets, auditors, note));
    }

    @PostMapping("/requests/{requestId}/reviewed")
    String reviewed(@PathVariable long studyId, @PathVariable long requestId, Principal principal, Locale locale,
            RedirectAttributes redirect) {
        return act(studyId, null, locale, redirect, "audit.reviewed", () -> auditService.markReviewed(studyId, principal.getName(), requestId));
    }

    @PostMapping("/comments")
    String comment(@PathVariable long studyId, @RequestParam ItemType itemType, @RequestParam(required = false) Long itemId,
            @RequestParam(required = false) Long secondId, @RequestParam(required = false) Long requestId, @RequestParam String body,
            @RequestParam(required = false) String suggestion, @RequestParam(required = false) Long suggestedId,
            @RequestParam(required = false) String returnTo, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, returnTo, locale, redirect, "audit.commented", () -> auditService.comment(studyId, principal.getName(),
                new NewComment(itemType, itemId, secondId, requestId, body, suggestion, suggestedId)));
    }

    @PostMapping("/comments/{commentId}/answer")
    String answer(@PathVariable long studyId, @PathVariable long commentId, @RequestParam ReplyKind decision,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean apply,
            @RequestParam(required = false) String returnTo, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, returnTo, locale, redirect, "audit.answered",
                () -> auditService.answer(studyId, principal.getName(), commentId, decision, text, apply));
    }

    @PostMapping("/comments/{commentId}/reply")
    String reply(@PathVariable long studyId, @PathVariable long commentId, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean agree, @RequestParam(required = false) String returnTo,
            Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, returnTo, locale, redirect, agree ? "audit.closed" : "audit.replied",
                () -> auditService.reply(studyId, principal.getName(), commentId, text, agree));
    }

    @PostMapping("/comments/{commentId}/close")
    String close(@PathVariable long studyId, @PathVariable long commentId, @RequestParam(required = false) String text,
            @RequestParam(required = false) String returnTo, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(studyId, returnTo, locale, redirect, "audit.closed",
                () -> auditService.closeThread(studyId, principal.getName(), commentId, text));
    }

    private String act(long studyId, String returnTo, Locale locale, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage(doneKey, null, locale));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        String home = "/studies/" + studyId;
        // Only a page of this same study: a form cannot send anyone elsewhere.
        boolean local = returnTo != null && (returnTo.equals(home) || returnTo.startsWith(home + "/")) && !returnTo.contains("//")
                && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : home + "/audit");
    }
}
