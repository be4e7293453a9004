package org.cqrworkbench.cases;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.frequency.FrequencyRules;
import org.cqrworkbench.frequency.GeneralRule;
import org.cqrworkbench.frequency.RareRule;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/studies/{studyId}")
class CaseApiController {

    record CaseBody(String code, List<String> subsamples, Map<String, String> attributes, String notes) {
    }

    record CaseJson(long id, String code, List<String> subsamples, Map<String, String> attributes, String notes) {
    }

    record SubsampleJson(long id, String name, long n) {
    }

    record RulesBody(GeneralRule generalRule, RareRule rare) {
    }

    record RulesJson(long id, String name, GeneralRule generalRule, RareRule rare) {
    }

    private final StudyAccess access;
    private final CaseService caseService;

    CaseApiController(StudyAccess access, CaseService caseService) {
        this.access = access;
        this.caseService = caseService;
    }

    @GetMapping("/cases")
    List<CaseJson> cases(@PathVariable long studyId, Principal principal) {
        StudyDesign design = caseService.design(studyId, principal.getName());
        return design.cases().stream().map(c -> json(c, design)).toList();
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseJson create(@PathVariable long studyId, @RequestBody CaseBody body, Principal principal) {
        // The role is checked before subsample names are looked up, so outsiders learn nothing from the error.
        access.lead(studyId, principal.getName());
        var subsampleIds = caseService.subsampleIdsByName(studyId, body.subsamples());
        StudyCase created = caseService.createCase(studyId, principal.getName(),
                new CaseForm(body.code(), body.attributes(), body.notes(), subsampleIds));
        return json(created, caseService.design(studyId, principal.getName()));
    }

    @GetMapping("/subsamples")
    List<SubsampleJson> subsamples(@PathVariable long studyId, Principal principal) {
        return caseService.design(studyId, principal.getName()).subsamples().stream()
                .map(s -> new SubsampleJson(s.id(), s.name(), s.n()))
                .toList();
    }

    /** Changes a subsample's frequency rules; a field left out keeps its current value. */
    @PatchMapping("/subsamples/{subsampleId}")
    RulesJson changeRules(@PathVariable long studyId, @PathVariable long subsampleId, @RequestBody RulesBody body,
            Principal principal) {
        access.lead(studyId, principal.getName());
        FrequencyRules current = caseService.design(studyId, principal.getName()).subsample(subsampleId)
                .orElseThrow(() -> new NotFoundException("subsample.notFound")).rules();
        FrequencyRules rules = new FrequencyRules(body.generalRule() == null ? current.generalRule() : body.generalRule(),
                body.rare() == null ? current.rare() : body.rare());
        Subsample changed = caseService.changeRules(studyId, principal.getName(), subsampleId, rules);
        return new RulesJson(changed.getId(), changed.getName(), changed.rules().generalRule(), changed.rules().rare());
    }

    private static CaseJson json(StudyCase c, StudyDesign design) {
        var names = design.subsampleNames();
        List<String> subsamples = design.subsamples().stream()
                .filter(s -> c.belongsTo(s.id()))
                .sorted(Comparator.comparingInt(StudyDesign.SubsampleInfo::position))
                .map(s -> names.get(s.id()))
                .toList();
        return new CaseJson(c.getId(), c.getCode(), subsamples, c.getAttributes(), c.getNotes());
    }
}
