package org.cqrworkbench.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.changelog.ChangeContext;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingRepository;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.crossanalysis.Categories;
import org.cqrworkbench.crossanalysis.Category;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit round: the team requests an audit of a step, auditors comment on items, the team answers each
 * comment (accepted, possibly applying the suggested change, or not accepted with a reason), auditors reply,
 * and a thread closes when the auditor agrees or the lead closes it. A request is done when its auditors
 * have reviewed it and its threads are closed; its cases are then marked audited.
 */
@Service
public class AuditService {

    /** What an auditor writes about an item. */
    public record NewComment(ItemType itemType, Long itemId, Long secondId, Long requestId, String body, String suggestion,
            Long suggestedId) {
    }

    static final int MAX_TEXT = 8000;

    private final AuditRequestRepository requests;
    private final AuditAssignmentRepository assignments;
    private final AuditCommentRepository comments;
    private final AuditReplyRepository replies;
    private final StudyAccess access;
    private final StudyService studyService;
    private final CaseService caseService;
    private final DomainService domainService;
    private final CodingRepository codings;
    private final CodingService codingService;
    private final CoreIdeaRepository coreIdeas;
    private final CoreIdeaEditing coreIdeaEditing;
    private final Categories categories;
    private final TranscriptRepository transcripts;
    private final ChangeContext changeContext;
    private final Clock clock;

    AuditService(AuditRequestRepository requests, AuditAssignmentRepository assignments, AuditCommentRepository comments,
            AuditReplyRepository replies, StudyAccess access, StudyService studyService, CaseService caseService,
            DomainService domainService, CodingRepository codings, CodingService codingService, CoreIdeaRepository coreIdeas,
            CoreIdeaEditing coreIdeaEditing, Categories categories, TranscriptRepository transcripts, ChangeContext changeContext,
            Clock clock) {
        this.changeContext = changeContext;
        this.requests = requests;
        this.assignments = assignments;
        this.comments = comments;
        this.replies = replies;
        this.access = access;
        this.studyService = studyService;
        this.caseService = caseService;
        this.domainService = domainService;
        this.codings = codings;
        this.codingService = codingService;
        this.coreIdeas = coreIdeas;
        this.coreIdeaEditing = coreIdeaEditing;
        this.categories = categories;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** The study's auditors in turn: the next two after the first auditor of the latest request. */
    @Transactional(readOnly = true)
    public List<StudyMember> suggestedAuditors(long studyId, String username) {
        List<StudyMember> auditors = auditors(studyId, username);
        if (auditors.size() <= 2) {
            return auditors;
        }
        List<AuditRequest> previous = requests.findByStudyIdOrderByRequestedAtDesc(studyId);
        int start = 0;
        if (!previous.isEmpty()) {
            List<Long> last = assignments.findByKeyRequestIdIn(List.of(previous.get(0).getId())).stream()
                    .map(AuditAssignment::auditorId).sorted().toList();
            for (int i = 0; i < auditors.size(); i++) {
                if (!last.isEmpty() && auditors.get(i).getUser().getId().equals(last.get(0))) {
                    start = i + 1;
                }
            }
        }
        return List.of(auditors.get(start % auditors.size()), auditors.get((start + 1) % auditors.size()));
    }

    @Transactional(readOnly = true)
    public List<StudyMember> auditors(long studyId, String username) {
        return studyService.team(studyId, username).stream().filter(m -> m.getRole() == StudyRole.AUDITOR)
                .sorted(Comparator.comparing(m -> m.getUser().getId())).toList();
    }

    @Transactional
    public AuditRequest request(long studyId, String username, AuditStep step, Collection<Long> targetIds,
            Collection<Long> auditorIds, String note) {
        StudyMember requester = access.analyst(studyId, username);
        if (step == null) {
            throw new InvalidInputException("audit.step.missing");
        }
        if (targetIds == null || targetIds.isEmpty()) {
            throw new InvalidInputException("audit.targets.missing");
        }
        Set<Long> valid = step == AuditStep.CROSS_ANALYSIS
                ? domainService.domains(studyId, username).stream().map(Domain::getId).collect(java.util.stream.Collectors.toSet())
                : caseService.caseCodes(studyId, username).stream().map(CaseCode::id).collect(java.util.stream.Collectors.toSet());
        if (!valid.containsAll(targetIds)) {
            throw new InvalidInputException("audit.targets.foreign");
        }
        Set<Long> auditorSet = auditors(studyId, username).stream().map(m -> m.getUser().getId()).collect(java.util.stream.Collectors.toSet());
        if (auditorIds == null || auditorIds.isEmpty()) {
            throw new InvalidInputException("audit.auditors.missing");
        }
        if (!auditorSet.containsAll(auditorIds)) {
            throw new InvalidInputException("audit.auditors.notAuditors");
        }
        AuditRequest request = requests.save(new AuditRequest(studyId, step, targetIds, blankToNull(note),
                requester.getUser().getId(), Instant.now(clock)));
        auditorIds.forEach(a -> assignments.save(new AuditAssignment(request.getId(), a)));
        return request;
    }

    @Transactional
    public AuditComment comment(long studyId, String username, NewComment form) {
        StudyMember auditor = access.requireRole(studyId, username, StudyRole.AUDITOR);
        String body = checked(form.body(), "audit.comment.empty");
        Labelled item = label(studyId, username, form);
        Long requestId = form.requestId() != null ? form.requestId() : openRequestFor(studyId, auditor, form.itemType(), item);
        return comments.save(new AuditComment(studyId, requestId, form.itemType(), form.itemId(), form.secondId(), item.caseId(),
                item.domainId(), item.label(), auditor.getUser().getId(), Instant.now(clock), body, blankToNull(form.suggestion()),
                form.suggestedId()));
    }

    /**
     * The team's answer. Accepting with `apply` makes the suggested change itself (another domain for a coding, a
     * rewording, a new category name, another category for a placement), so the change and the comment belong together.
     */
    @Transactional
    public void answer(long studyId, String username, long commentId, ReplyKind decision, String text, boolean apply) {
        StudyMember member = access.analyst(studyId, username);
        AuditComment comment = lockedComment(studyId, commentId);
        if (comment.getStatus() == ThreadStatus.CLOSED) {
            throw new InvalidInputException("audit.thread.closed");
        }
        if (decision != ReplyKind.ACCEPTED && decision != ReplyKind.NOT_ACCEPTED) {
            throw new InvalidInputException("audit.answer.decision");
        }
        if (decision == ReplyKind.NOT_ACCEPTED && (text == null || text.isBlank())) {
            throw new InvalidInputException("audit.answer.reason");
        }
        String body = blankToNull(text);
        if (decision == ReplyKind.ACCEPTED && apply) {
            // The change is logged as made in answer to this comment, so the change log and the audit trail meet.
            String made = changeContext.answering(commentId, () -> applySuggestion(studyId, username, comment));
            body = (body == null ? "" : body + "\n") + made;
        }
        replies.save(new AuditReply(commentId, member.getUser().getId(), Instant.now(clock), decision, body));
        comment.answered(decision);
    }

    /** An auditor's reply; `agree` closes the thread. */
    @Transactional
    public void reply(long studyId, String username, long commentId, String text, boolean agree) {
        StudyMember member = access.member(studyId, username);
        AuditComment comment = lockedComment(studyId, commentId);
        boolean auditor = member.getRole() == StudyRole.AUDITOR;
        if (comment.getStatus() == ThreadStatus.CLOSED) {
            throw new InvalidInputException("audit.thread.closed");
        }
        if (!auditor && agree) {
            throw new ForbiddenException("study.forbidden");
        }
        if (text != null && !text.isBlank()) {
            replies.save(new AuditReply(commentId, member.getUser().getId(), Instant.now(clock), ReplyKind.REPLY, checked(text, "audit.comment.empty")));
        }
        if (agree) {
            close(comment, member);
        }
    }

    /** The lead may close any thread, for instance when team and auditor have agreed in a meeting. */
    @Transactional
    public void closeThread(long studyId, String username, long commentId, String text) {
        StudyMember lead = access.lead(studyId, username);
        AuditComment comment = lockedComment(studyId, commentId);
        if (text != null && !text.isBlank()) {
            replies.save(new AuditReply(commentId, lead.getUser().getId(), Instant.now(clock), ReplyKind.REPLY, text.strip()));
        }
        close(comment, lead);
    }

    @Transactional
    public void markReviewed(long studyId, String username, long requestId) {
        StudyMember auditor = access.requireRole(studyId, username, StudyRole.AUDITOR);
        AuditRequest request = requests.findForUpdateById(requestId).filter(r -> r.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("audit.request.notFound"));
        AuditAssignment assignment = assignments.findById(new AuditAssignment.Key(request.getId(), auditor.getUser().getId()))
                .orElseThrow(() -> new ForbiddenException("audit.notAssigned"));
        assignment.markReviewed(Instant.now(clock));
        settle(request, username);
    }

    private void close(AuditComment comment, StudyMember by) {
        if (comment.getStatus() != ThreadStatus.CLOSED) {
            replies.save(new AuditReply(comment.getId(), by.getUser().getId(), Instant.now(clock), ReplyKind.CLOSED, null));
            comment.close();
        }
        if (comment.getRequestId() != null) {
            requests.findForUpdateById(comment.getRequestId()).ifPresent(r -> settle(r, null));
        }
    }

    /** A request is done once every auditor reviewed it and every thread in it is closed; its cases are then audited. */
    private void settle(AuditRequest request, String username) {
        if (request.isClosed()) {
            return;
        }
        boolean reviewed = assignments.findByKeyRequestIdIn(List.of(request.getId())).stream().allMatch(AuditAssignment::isReviewed);
        boolean threadsClosed = comments.findByRequestId(request.getId()).stream().allMatch(c -> c.getStatus() == ThreadStatus.CLOSED);
        if (reviewed && threadsClosed) {
            request.close(Instant.now(clock));
            if (request.getStep() != AuditStep.CROSS_ANALYSIS) {
                request.getTargetIds().forEach(caseId -> caseService.recordAudited(request.getStudyId(), caseId));
            }
        }
    }

    private Long openRequestFor(long studyId, StudyMember auditor, ItemType type, Labelled item) {
        AuditStep step = switch (type) {
            case CODING -> AuditStep.DOMAINS;
            case CORE_IDEA -> AuditStep.CORE_IDEAS;
            case CATEGORY, PLACEMENT -> AuditStep.CROSS_ANALYSIS;
            case STEP -> null;
        };
        Long target = step == AuditStep.CROSS_ANALYSIS ? item.domainId() : item.caseId();
        if (step == null || target == null) {
            return null;
        }
        List<Long> mine = assignments.findByKeyAuditorIdAndReviewedAtIsNull(auditor.getUser().getId()).stream()
                .map(AuditAssignment::requestId).toList();
        return requests.findAllById(mine).stream()
                .filter(r -> r.getStudyId() == studyId && !r.isClosed() && r.getStep() == step && r.getTargetIds().contains(target))
                .map(AuditRequest::getId).findFirst().orElse(null);
    }

    record Labelled(String label, Long caseId, Long domainId) {
    }

    /** Describes the item in words that stay true after it changes, and checks that it belongs to the study. */
    private Labelled label(long studyId, String username, NewComment form) {
        ItemType type = form.itemType();
        if (type == null) {
            throw new InvalidInputException("audit.item.missing");
        }
        switch (type) {
            case CODING -> {
                Coding coding = codings.findById(orMissing(form.itemId())).filter(c -> c.getStudyId() == studyId)
                        .orElseThrow(() -> new NotFoundException("audit.item.notFound"));
                String code = caseCode(studyId, username, coding.getCaseId());
                String text = transcripts.findByCaseId(coding.getCaseId()).map(t -> t.getBody().substring(coding.getStart(), coding.getEnd())).orElse("");
                return new Labelled("Coding of " + code + " into " + domainName(studyId, username, coding.getDomainId()) + ": “"
                        + shorten(text) + "”", coding.getCaseId(), coding.getDomainId());
            }
            case CORE_IDEA -> {
                CoreIdea idea = coreIdeas.findById(orMissing(form.itemId())).filter(i -> i.getStudyId() == studyId)
                        .orElseThrow(() -> new NotFoundException("audit.item.notFound"));
                return new Labelled("Core idea of " + caseCode(studyId, username, idea.getCaseId()) + " in "
                        + domainName(studyId, username, idea.getDomainId()) + ": “" + shorten(idea.getBody()) + "”", idea.getCaseId(), idea.getDomainId());
            }
            case CATEGORY -> {
                Category category = categories.find(studyId, orMissing(form.itemId())).orElseThrow(() -> new NotFoundException("audit.item.notFound"));
                return new Labelled("Category “" + category.getName() + "” in " + domainName(studyId, username, category.getDomainId()),
                        null, category.getDomainId());
            }
            case PLACEMENT -> {
                Category category = categories.find(studyId, orMissing(form.itemId())).orElseThrow(() -> new NotFoundException("audit.item.notFound"));
                CoreIdea idea = coreIdeas.findById(orMissing(form.secondId())).filter(i -> i.getStudyId() == studyId
                        && category.getCoreIdeaIds().contains(i.getId())).orElseThrow(() -> new NotFoundException("audit.item.notFound"));
                return new Labelled("Placement of “" + shorten(idea.getBody()) + "” (" + caseCode(studyId, username, idea.getCaseId())
                        + ") in “" + category.getName() + "”", idea.getCaseId(), category.getDomainId());
            }
            default -> {
                AuditRequest request = requestOf(studyId, orMissing(form.requestId()));
                return new Labelled("The audit of " + request.getStep().name().toLowerCase().replace('_', ' ') + " requested "
                        + request.getRequestedAt().toString().substring(0, 10), null, null);
            }
        }
    }

    private String applySuggestion(long studyId, String username, AuditComment comment) {
        switch (comment.getItemType()) {
            case CODING -> {
                Coding coding = codings.findById(comment.getItemId()).orElseThrow(() -> new InvalidInputException("audit.apply.gone"));
                if (comment.getSuggestedId() == null) {
                    throw new InvalidInputException("audit.apply.nothing");
                }
                codingService.adjust(studyId, username, coding.getId(), coding.getVersion(), coding.getStart(), coding.getEnd(),
                        comment.getSuggestedId());
                return "Changed: coded into " + domainName(studyId, username, comment.getSuggestedId()) + ".";
            }
            case CORE_IDEA -> {
                CoreIdea idea = coreIdeas.findById(comment.getItemId()).orElseThrow(() -> new InvalidInputException("audit.apply.gone"));
                if (comment.getSuggestion() == null) {
                    throw new InvalidInputException("audit.apply.nothing");
                }
                coreIdeaEditing.rewrite(studyId, username, idea.getId(), idea.getVersion(), comment.getSuggestion());
                return "Changed: the core idea now reads “" + comment.getSuggestion() + "”.";
            }
            case CATEGORY -> {
                if (comment.getSuggestion() == null) {
                    throw new InvalidInputException("audit.apply.nothing");
                }
                categories.rename(studyId, username, comment.getItemId(), comment.getSuggestion());
                return "Changed: the category is now called “" + comment.getSuggestion() + "”.";
            }
            case PLACEMENT -> {
                if (comment.getSuggestedId() == null) {
                    throw new InvalidInputException("audit.apply.nothing");
                }
                categories.moveCoreIdea(studyId, username, comment.getItemId(), comment.getSuggestedId(), comment.getSecondId());
                return "Changed: the core idea moved to “" + categories.find(studyId, comment.getSuggestedId()).map(Category::getName).orElse("?") + "”.";
            }
            default -> throw new InvalidInputException("audit.apply.nothing");
        }
    }

    private String caseCode(long studyId, String username, long caseId) {
        return caseService.caseCodes(studyId, username).stream().filter(c -> c.id() == caseId).map(CaseCode::code)
                .findFirst().orElse("?");
    }

    private String domainName(long studyId, String username, long domainId) {
        return domainService.domain(studyId, username, domainId).getName();
    }

    AuditComment commentOf(long studyId, long commentId) {
        return comments.findById(commentId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("audit.comment.notFound"));
    }

    private AuditComment lockedComment(long studyId, long commentId) {
        return comments.findForUpdateById(commentId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("audit.comment.notFound"));
    }

    private AuditRequest requestOf(long studyId, long requestId) {
        return requests.findById(requestId).filter(r -> r.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("audit.request.notFound"));
    }

    private static long orMissing(Long id) {
        if (id == null) {
            throw new InvalidInputException("audit.item.missing");
        }
        return id;
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }

    private static String checked(String text, String emptyKey) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(emptyKey);
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text.tooLong", MAX_TEXT);
        }
        return text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
