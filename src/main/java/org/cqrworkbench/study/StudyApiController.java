package org.cqrworkbench.study;

import java.security.Principal;
import java.util.List;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/studies")
class StudyApiController {

    record StudySummary(long id, String name, StudyRole role) {
    }

    record NewStudy(String name) {
    }

    record CreatedStudy(long id, String name) {
    }

    record NewMember(String username, StudyRole role) {
    }

    record CreatedMember(long id, String username, StudyRole role) {
    }

    private final StudyService studyService;

    StudyApiController(StudyService studyService) {
        this.studyService = studyService;
    }

    @GetMapping
    List<StudySummary> list(Principal principal) {
        return studyService.studiesOf(principal.getName()).stream()
                .map(m -> new StudySummary(m.getStudy().getId(), m.getStudy().getName(), m.getRole()))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedStudy create(@RequestBody NewStudy body, Principal principal) {
        Study study = studyService.create(principal.getName(), new StudyDetails(body.name(), null, null, null));
        return new CreatedStudy(study.getId(), study.getName());
    }

    @PostMapping("/{studyId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedMember addMember(@PathVariable long studyId, @RequestBody NewMember body, Principal principal) {
        StudyMember member = studyService.addMember(studyId, principal.getName(), body.username(), body.role());
        return new CreatedMember(member.getId(), member.getUser().getUsername(), member.getRole());
    }
}
