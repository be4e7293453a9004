package org.cqrworkbench.coding;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptParts;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's transcript with its consensus codings, for scripts. It lives here, not in the transcript module,
 * because it needs codings and transcripts must not depend on coding. Offsets are Unicode code points, end
 * exclusive, as most languages other than Java and JavaScript count them.
 */
@RestController
class CodedTranscriptApiController {

    record CodingJson(long id, int start, int end, String domain, String subsample) {
    }

    record TranscriptJson(String caseCode, String text, List<CodingJson> codings) {
    }

    private final StudyAccess access;
    private final CaseService caseService;
    private final TranscriptRepository transcripts;
    private final TranscriptParts parts;
    private final CodingRepository codings;
    private final DomainRepository domains;

    CodedTranscriptApiController(StudyAccess access, CaseService caseService, TranscriptRepository transcripts,
            TranscriptParts parts, CodingRepository codings, DomainRepository domains) {
        this.access = access;
        this.caseService = caseService;
        this.transcripts = transcripts;
        this.parts = parts;
        this.codings = codings;
        this.domains = domains;
    }

    @GetMapping("/api/studies/{studyId}/cases/{code}/transcript")
    TranscriptJson transcript(@PathVariable long studyId, @PathVariable String code, Principal principal) {
        access.member(studyId, principal.getName());
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        Transcript transcript = transcripts.findByCaseId(studyCase.getId())
                .orElseThrow(() -> new NotFoundException("transcript.notFound", studyCase.getCode()));
        String body = transcript.getBody();
        var division = parts.divisionOf(studyCase);
        Map<Long, String> subsampleNames = caseService.design(studyId, principal.getName()).subsampleNames();
        Map<Long, String> domainNames = domains.findByStudyIdOrderByPositionAscIdAsc(studyId).stream()
                .collect(Collectors.toMap(Domain::getId, Domain::getName));
        Function<Coding, CodingJson> json = c -> new CodingJson(c.getId(),
                body.codePointCount(0, Math.min(c.getStart(), body.length())),
                body.codePointCount(0, Math.min(c.getEnd(), body.length())),
                domainNames.get(c.getDomainId()),
                division.subsampleAt(c.getStart()).map(subsampleNames::get).orElse(null));
        return new TranscriptJson(studyCase.getCode(), body,
                codings.findByCaseIdAndLayerOrderByStartAscEndAsc(studyCase.getId(), Layer.CONSENSUS).stream()
                        .map(json).toList());
    }
}
