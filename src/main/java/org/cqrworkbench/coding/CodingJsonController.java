package org.cqrworkbench.coding;

import java.security.Principal;
import java.util.List;
import org.cqrworkbench.coding.CodingService.CaseCodings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the coding page's script talks to: JSON over the browser session, with the CSRF token in a header.
 * Offsets here are UTF-16 positions, as the browser counts them.
 */
@RestController
@RequestMapping("/studies/{studyId}/cases/{code}/coding")
class CodingJsonController {

    record CodingJson(long id, int start, int end, long domainId, long version, Layer layer, Long ownerId) {
        static CodingJson of(Coding c) {
            return new CodingJson(c.getId(), c.getStart(), c.getEnd(), c.getDomainId(), c.getVersion(), c.getLayer(), c.getOwnerId());
        }
    }

    /** The codings the page draws: the viewer's private draft while drafting, the team's consensus otherwise. */
    record Codings(List<CodingJson> editable, boolean draftDone) {
    }

    record NewCoding(long domainId, int start, int end, Boolean consensus) {
    }

    record Change(long version, int start, int end, Long domainId) {
    }

    record Removal(long version) {
    }

    private final CodingService codingService;

    CodingJsonController(CodingService codingService) {
        this.codingService = codingService;
    }

    @GetMapping("/codings")
    Codings codings(@PathVariable long studyId, @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean consensus, Principal principal) {
        CaseCodings view = codingService.caseCodingsWithoutText(studyId, principal.getName(), code);
        boolean drafting = CodingPage.drafting(view) && !consensus;
        List<Coding> shown = drafting ? view.ownDraft() : view.consensus();
        return new Codings(shown.stream().map(CodingJson::of).toList(), view.ownDraftDone());
    }

    @PostMapping("/codings")
    @ResponseStatus(HttpStatus.CREATED)
    CodingJson create(@PathVariable long studyId, @PathVariable String code, @RequestBody NewCoding body, Principal principal) {
        return CodingJson.of(codingService.code(studyId, principal.getName(), code, body.domainId(), body.start(), body.end(),
                Boolean.TRUE.equals(body.consensus())));
    }

    @PostMapping("/codings/{codingId}")
    CodingJson change(@PathVariable long studyId, @PathVariable String code, @PathVariable long codingId,
            @RequestBody Change body, Principal principal) {
        return CodingJson.of(codingService.adjust(studyId, principal.getName(), codingId, body.version(), body.start(), body.end(),
                body.domainId()));
    }

    @PostMapping("/codings/{codingId}/delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long studyId, @PathVariable String code, @PathVariable long codingId, @RequestBody Removal body,
            Principal principal) {
        codingService.remove(studyId, principal.getName(), codingId, body.version());
    }
}
