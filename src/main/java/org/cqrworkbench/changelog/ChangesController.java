package org.cqrworkbench.changelog;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The study's change log, searchable and a page at a time, and the history of one item. Read-only, for every member. */
@Controller
@RequestMapping("/studies/{studyId}/changes")
class ChangesController {

    private final StudyAccess access;
    private final StudyService studyService;
    private final ChangeLog changeLog;

    ChangesController(StudyAccess access, StudyService studyService, ChangeLog changeLog) {
        this.access = access;
        this.studyService = studyService;
        this.changeLog = changeLog;
    }

    @GetMapping
    String log(@PathVariable long studyId, @RequestParam(required = false) String q, @RequestParam(required = false) Long who,
            @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Principal principal, Model model) {
        common(model, studyId, principal);
        ChangeQuery query = new ChangeQuery(q, who, type, from, to);
        ChangePage found = changeLog.search(studyId, principal.getName(), query, page);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("team", studyService.team(studyId, principal.getName()));
        model.addAttribute("types", ItemType.values());
        model.addAttribute("newerUrl", pageUrl(studyId, query, found.page() - 1));
        model.addAttribute("olderUrl", pageUrl(studyId, query, found.page() + 1));
        return "changelog/changes";
    }

    @GetMapping("/{itemType}/{itemId}")
    String history(@PathVariable long studyId, @PathVariable String itemType, @PathVariable long itemId, Principal principal,
            Model model) {
        common(model, studyId, principal);
        ItemType type = ItemType.ofSlug(itemType);
        List<Change> history = changeLog.historyOf(studyId, principal.getName(), type, itemId);
        model.addAttribute("type", type);
        model.addAttribute("history", history);
        // Entries of the item itself carry its name; those of a placement seen from the core idea carry the category's.
        model.addAttribute("name", history.stream().filter(c -> type.asItem().contains(c.itemType())).map(Change::item)
                .findFirst().orElse(null));
        return "changelog/history";
    }

    private void common(Model model, long studyId, Principal principal) {
        StudyMember me = access.member(studyId, principal.getName());
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "changes");
        model.addAttribute("zone", ZoneId.systemDefault());
    }

    private static String pageUrl(long studyId, ChangeQuery query, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/studies/{studyId}/changes");
        if (query.text() != null && !query.text().isBlank()) {
            url.queryParam("q", query.text());
        }
        if (query.who() != null) {
            url.queryParam("who", query.who());
        }
        if (query.type() != null) {
            url.queryParam("type", query.type());
        }
        if (query.from() != null) {
            url.queryParam("from", query.from());
        }
        if (query.to() != null) {
            url.queryParam("to", query.to());
        }
        if (page > 0) {
            url.queryParam("page", page);
        }
        return url.encode().buildAndExpand(studyId).toUriString();
    }
}
