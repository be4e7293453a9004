package org.cqrworkbench.audit;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.cqrworkbench.audit.AuditService.NewComment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/studies/{studyId}/audit/comments")
class AuditApiController {

    record EntryJson(String author, Instant at, ReplyKind kind, String text) {
    }

    record CommentJson(long id, ItemType itemType, Long itemId, Long secondId, String item, String author, Instant at, String text,
            String suggestion, Long suggestedId, ThreadStatus status, ReplyKind decision, List<EntryJson> thread) {
    }

    record NewCommentJson(ItemType itemType, Long itemId, Long secondId, Long requestId, String text, String suggestion, Long suggestedId) {
    }

    record AnswerJson(ReplyKind decision, String text, Boolean apply) {
    }

    private final AuditService auditService;
    private final AuditView auditView;

    AuditApiController(AuditService auditService, AuditView auditView) {
        this.auditService = auditService;
        this.auditView = auditView;
    }

    @GetMapping
    List<CommentJson> comments(@PathVariable long studyId, Principal principal) {
        return auditView.all(studyId, principal.getName(), null).stream().map(AuditApiController::json).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson comment(@PathVariable long studyId, @RequestBody NewCommentJson body, Principal principal) {
        AuditComment created = auditService.comment(studyId, principal.getName(), new NewComment(body.itemType(), body.itemId(),
                body.secondId(), body.requestId(), body.text(), body.suggestion(), body.suggestedId()));
        return one(studyId, principal.getName(), created.getId());
    }

    @PostMapping("/{commentId}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson answer(@PathVariable long studyId, @PathVariable long commentId, @RequestBody AnswerJson body, Principal principal) {
        auditService.answer(studyId, principal.getName(), commentId, body.decision(), body.text(), Boolean.TRUE.equals(body.apply()));
        return one(studyId, principal.getName(), commentId);
    }

    private CommentJson one(long studyId, String username, long commentId) {
        return auditView.all(studyId, username, null).stream().filter(t -> t.comment().getId() == commentId)
                .map(AuditApiController::json).findFirst().orElseThrow();
    }

    private static CommentJson json(AuditView.Thread t) {
        AuditComment c = t.comment();
        return new CommentJson(c.getId(), c.getItemType(), c.getItemId(), c.getSecondId(), c.getItemLabel(), t.author(), c.getCreatedAt(),
                c.getBody(), c.getSuggestion(), c.getSuggestedId(), c.getStatus(), c.getDecision(),
                t.entries().stream().map(e -> new EntryJson(e.author(), e.at(), e.kind(), e.body())).toList());
    }
}
