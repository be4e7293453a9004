package org.cqrworkbench.coreidea;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/studies/{studyId}/cases/{code}/core-ideas")
class CoreIdeaApiController {

    record CoreIdeaJson(long id, String domain, String subsample, String text, int position, List<Long> codings) {
    }

    /** Domain and subsample by name; the subsample may be left out when the case belongs to only one. */
    record NewCoreIdea(String domain, String subsample, String text, List<Long> codings) {
    }

    private final CaseService caseService;
    private final DomainService domainService;
    private final CoreIdeaRepository coreIdeas;
    private final CoreIdeaEditing editing;

    CoreIdeaApiController(CaseService caseService, DomainService domainService, CoreIdeaRepository coreIdeas,
            CoreIdeaEditing editing) {
        this.caseService = caseService;
        this.domainService = domainService;
        this.coreIdeas = coreIdeas;
        this.editing = editing;
    }

    @GetMapping
    List<CoreIdeaJson> list(@PathVariable long studyId, @PathVariable String code, Principal principal) {
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        Names names = names(studyId, principal.getName());
        return coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId()).stream()
                .sorted(java.util.Comparator.comparingInt((CoreIdea i) -> names.domainOrder().getOrDefault(i.getDomainId(), 0))
                        .thenComparingInt(CoreIdea::getPosition))
                .map(i -> json(i, names))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CoreIdeaJson add(@PathVariable long studyId, @PathVariable String code, @RequestBody NewCoreIdea body, Principal principal) {
        StudyCase studyCase = caseService.caseByCode(studyId, principal.getName(), code);
        StudyDesign design = caseService.design(studyId, principal.getName());
        Domain domain = domainService.domains(studyId, principal.getName()).stream()
                .filter(d -> body.domain() != null && d.getName().equalsIgnoreCase(body.domain().strip()))
                .findFirst().orElseThrow(() -> new InvalidInputException("coreIdea.api.domain", body.domain()));
        var ofCase = design.subsamples().stream().filter(s -> studyCase.belongsTo(s.id())).toList();
        long subsampleId;
        if (body.subsample() == null || body.subsample().isBlank()) {
            if (ofCase.size() != 1) {
                throw new InvalidInputException("coreIdea.api.subsampleNeeded", code);
            }
            subsampleId = ofCase.get(0).id();
        } else {
            subsampleId = ofCase.stream().filter(s -> s.name().equalsIgnoreCase(body.subsample().strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("coreIdea.subsample.notOfCase", code)).id();
        }
        Set<Long> codings = body.codings() == null ? Set.of() : new HashSet<>(body.codings());
        CoreIdea created = editing.add(studyId, principal.getName(), code, subsampleId, domain.getId(), body.text(), codings);
        return json(created, names(studyId, principal.getName()));
    }

    private record Names(Map<Long, String> domains, Map<Long, Integer> domainOrder, Map<Long, String> subsamples) {
    }

    private Names names(long studyId, String username) {
        List<Domain> domains = domainService.domains(studyId, username);
        Map<Long, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            order.put(domains.get(i).getId(), i);
        }
        return new Names(domains.stream().collect(Collectors.toMap(Domain::getId, Domain::getName)), order,
                caseService.design(studyId, username).subsampleNames());
    }

    private static CoreIdeaJson json(CoreIdea idea, Names names) {
        return new CoreIdeaJson(idea.getId(), names.domains().get(idea.getDomainId()), names.subsamples().get(idea.getSubsampleId()),
                idea.getBody(), idea.getPosition(), idea.getCodingIds().stream().sorted().toList());
    }
}
