package org.cqrworkbench.coding;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/studies/{studyId}/domains")
class DomainApiController {

    record DomainJson(long id, String name, String definition, Long parentId, int position) {
        static DomainJson of(Domain d) {
            return new DomainJson(d.getId(), d.getName(), d.getDefinition(), d.getParentId(), d.getPosition());
        }
    }

    record NewDomain(String name, String definition, Long parentId) {
    }

    private final DomainService domainService;

    DomainApiController(DomainService domainService) {
        this.domainService = domainService;
    }

    @GetMapping
    List<DomainJson> list(@PathVariable long studyId, Principal principal) {
        return domainService.domains(studyId, principal.getName()).stream().map(DomainJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DomainJson create(@PathVariable long studyId, @RequestBody NewDomain body, Principal principal) {
        return DomainJson.of(domainService.create(studyId, principal.getName(), body.name(), body.definition(), body.parentId()));
    }
}
