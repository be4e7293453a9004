package org.cqrworkbench.changelog;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change log for scripts: read-only, a page of at most 100 entries at a time, newest first. */
@RestController
@RequestMapping("/api/studies/{studyId}/changes")
class ChangesApiController {

    record ChangeJson(long id, String at, String who, ItemType itemType, long itemId, Long otherId, String item,
            ChangeAction action, String before, String after, Long commentId) {

        static ChangeJson of(Change c) {
            return new ChangeJson(c.id(), c.at().toString(), c.who(), c.itemType(), c.itemId(), c.otherId(), c.item(),
                    c.action(), c.before(), c.after(), c.commentId());
        }
    }

    private final ChangeLog changeLog;

    ChangesApiController(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    /** The total number of matching entries comes in X-Total-Count, so a script knows when it has them all. */
    @GetMapping
    ResponseEntity<List<ChangeJson>> search(@PathVariable long studyId, @RequestParam(required = false) String q,
            @RequestParam(required = false) ItemType type, @RequestParam(required = false) Long who,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Principal principal) {
        ChangePage found = changeLog.search(studyId, principal.getName(), new ChangeQuery(q, who, type, from, to), page);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .body(found.changes().stream().map(ChangeJson::of).toList());
    }

    @GetMapping("/{itemType}/{itemId}")
    List<ChangeJson> history(@PathVariable long studyId, @PathVariable String itemType, @PathVariable long itemId,
            Principal principal) {
        ItemType type = ItemType.ofSlug(itemType);
        return changeLog.historyOf(studyId, principal.getName(), type, itemId).stream().map(ChangeJson::of).toList();
    }
}
