package org.cqrworkbench.coreidea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptParts;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's consensus version: in domain-list order, each domain's raw data (the consensus codings) and the
 * core ideas abstracted from it, separately for each subsample the case belongs to.
 */
@Service
public class ConsensusVersion {

    public record CaseVersion(String code, Map<String, String> attributes, List<Part> parts) {
    }

    /** One subsample of the case; `subsample` is null when the study has a single one. */
    public record Part(String subsample, List<DomainPart> domains) {
    }

    public record DomainPart(String domain, List<String> rawData, List<String> coreIdeas) {
    }

    private final CaseService caseService;
    private final CodingService codingService;
    private final DomainService domainService;
    private final CoreIdeaRepository coreIdeas;
    private final CodingSubsamples codingSubsamples;
    private final TranscriptRepository transcripts;
    private final TranscriptParts parts;

    ConsensusVersion(CaseService caseService, CodingService codingService, DomainService domainService,
            CoreIdeaRepository coreIdeas, CodingSubsamples codingSubsamples, TranscriptRepository transcripts,
            TranscriptParts parts) {
        this.transcripts = transcripts;
        this.parts = parts;
        this.caseService = caseService;
        this.codingService = codingService;
        this.domainService = domainService;
        this.coreIdeas = coreIdeas;
        this.codingSubsamples = codingSubsamples;
    }

    /**
     * The consensus version of the named cases, or of every case when `codes` is empty. Codings, transcripts,
     * parts and core ideas of all chosen cases load in one query each, so all cases cost no more queries than one.
     */
    @Transactional(readOnly = true)
    public List<CaseVersion> of(long studyId, String username, List<String> codes) {
        StudyDesign design = caseService.design(studyId, username);
        List<Domain> domains = domainService.domains(studyId, username);
        List<StudyCase> chosen = design.cases().stream().filter(c -> codes.isEmpty() || codes.contains(c.getCode())).toList();
        List<Long> caseIds = chosen.stream().map(StudyCase::getId).toList();
        Map<Long, List<Coding>> codingsByCase = codingService.consensusOf(studyId, username, caseIds).stream()
                .collect(Collectors.groupingBy(Coding::getCaseId));
        Map<Long, String> bodies = caseIds.isEmpty() ? Map.of() : transcripts.findByCaseIdIn(caseIds).stream()
                .collect(Collectors.toMap(Transcript::getCaseId, Transcript::getBody));
        Map<Long, List<CoreIdea>> ideasByCase = caseIds.isEmpty() ? Map.of() : coreIdeas.findByCaseIdIn(caseIds).stream()
                .collect(Collectors.groupingBy(CoreIdea::getCaseId));
        var divisions = parts.divisionsOf(chosen);
        List<CaseVersion> versions = new ArrayList<>();
        for (StudyCase studyCase : chosen) {
            List<Coding> consensus = codingsByCase.getOrDefault(studyCase.getId(), List.of());
            String body = bodies.getOrDefault(studyCase.getId(), "");
            List<SubsampleInfo> ofCase = design.subsamples().stream().filter(s -> studyCase.belongsTo(s.id())).toList();
            Map<Long, Long> subsampleOf = codingSubsamples.of(divisions.get(studyCase.getId()), consensus, ofCase);
            List<CoreIdea> ideas = ideasByCase.getOrDefault(studyCase.getId(), List.of());
            List<Part> caseParts = new ArrayList<>();
            for (SubsampleInfo subsample : ofCase) {
                List<DomainPart> domainParts = new ArrayList<>();
                for (Domain domain : domains) {
                    List<String> raw = consensus.stream()
                            .filter(c -> c.getDomainId().equals(domain.getId()) && subsampleOf.get(c.getId()) == subsample.id())
                            .map(c -> body.substring(c.getStart(), c.getEnd()))
                            .toList();
                    List<String> abstracted = ideas.stream()
                            .filter(i -> i.getDomainId().equals(domain.getId()) && i.getSubsampleId() == subsample.id())
                            .sorted(Comparator.comparingInt(CoreIdea::getPosition).thenComparing(CoreIdea::getId))
                            .map(CoreIdea::getBody)
                            .toList();
                    if (!raw.isEmpty() || !abstracted.isEmpty()) {
                        domainParts.add(new DomainPart(domain.getName(), raw, abstracted));
                    }
                }
                caseParts.add(new Part(design.hasSeveralSubsamples() ? subsample.name() : null, domainParts));
            }
            versions.add(new CaseVersion(studyCase.getCode(), studyCase.getAttributes(), caseParts));
        }
        return versions;
    }
}
