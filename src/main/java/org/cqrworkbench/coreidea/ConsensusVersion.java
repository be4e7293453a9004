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

    ConsensusVersion(CaseService caseService, CodingService codingService, DomainService domainService,
            CoreIdeaRepository coreIdeas, CodingSubsamples codingSubsamples) {
        this.caseService = caseService;
        this.codingService = codingService;
        this.domainService = domainService;
        this.coreIdeas = coreIdeas;
        this.codingSubsamples = codingSubsamples;
    }

    /** The consensus version of the named cases, or of every case when `codes` is empty. */
    @Transactional(readOnly = true)
    public List<CaseVersion> of(long studyId, String username, List<String> codes) {
        StudyDesign design = caseService.design(studyId, username);
        List<Domain> domains = domainService.domains(studyId, username);
        List<CaseVersion> versions = new ArrayList<>();
        for (StudyCase studyCase : design.cases()) {
            if (!codes.isEmpty() && !codes.contains(studyCase.getCode())) {
                continue;
            }
            versions.add(caseVersion(studyId, username, design, domains, studyCase));
        }
        return versions;
    }

    private CaseVersion caseVersion(long studyId, String username, StudyDesign design, List<Domain> domains, StudyCase studyCase) {
        var codings = codingService.caseCodings(studyId, username, studyCase.getCode());
        String body = codings.transcript() == null ? "" : codings.transcript().getBody();
        List<SubsampleInfo> ofCase = design.subsamples().stream().filter(s -> studyCase.belongsTo(s.id())).toList();
        Map<Long, Long> subsampleOf = codingSubsamples.of(studyCase, codings.consensus(), ofCase);
        List<CoreIdea> ideas = coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId());
        List<Part> parts = new ArrayList<>();
        for (SubsampleInfo subsample : ofCase) {
            List<DomainPart> domainParts = new ArrayList<>();
            for (Domain domain : domains) {
                List<String> raw = codings.consensus().stream()
                        .filter(c -> c.getDomainId().equals(domain.getId()) && subsampleOf.get(c.getId()) == subsample.id())
                        .sorted(Comparator.comparingInt(Coding::getStart))
                        .map(c -> body.substring(c.getStart(), c.getEnd()))
                        .toList();
                List<String> abstracted = ideas.stream()
                        .filter(i -> i.getDomainId().equals(domain.getId()) && i.getSubsampleId() == subsample.id())
                        .sorted(Comparator.comparingInt(CoreIdea::getPosition).thenComparing(CoreIdea::getId))
                        .map(CoreIdea::getBody)
                        .collect(Collectors.toList());
                if (!raw.isEmpty() || !abstracted.isEmpty()) {
                    domainParts.add(new DomainPart(domain.getName(), raw, abstracted));
                }
            }
            parts.add(new Part(design.hasSeveralSubsamples() ? subsample.name() : null, domainParts));
        }
        return new CaseVersion(studyCase.getCode(), studyCase.getAttributes(), parts);
    }
}
