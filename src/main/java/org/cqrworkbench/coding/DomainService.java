package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The domain list of a study, in the team's order, subdomains right after their parent. */
@Service
public class DomainService {

    private final DomainRepository domains;
    private final StudyAccess access;

    DomainService(DomainRepository domains, StudyAccess access) {
        this.domains = domains;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<Domain> domains(long studyId, String username) {
        access.member(studyId, username);
        return inListOrder(domains.findByStudyIdOrderByPositionAscIdAsc(studyId));
    }

    @Transactional(readOnly = true)
    public Domain domain(long studyId, String username, long domainId) {
        access.member(studyId, username);
        return domainOf(studyId, domainId);
    }

    @Transactional
    public Domain create(long studyId, String username, String name, String definition, Long parentId) {
        access.analyst(studyId, username);
        return append(studyId, name, definition, parentId);
    }

    /**
     * Adds a domain at the end of the list without a role check, for importers that have checked the
     * role once for the whole file.
     */
    @Transactional
    public Domain append(long studyId, String name, String definition, Long parentId) {
        List<Domain> existing = domains.findByStudyIdOrderByPositionAscIdAsc(studyId);
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("domain.name.required");
        }
        if (checked.length() > Domain.MAX_NAME) {
            throw new InvalidInputException("text.tooLong", Domain.MAX_NAME);
        }
        if (existing.stream().anyMatch(d -> d.getName().equalsIgnoreCase(checked))) {
            throw new InvalidInputException("domain.name.taken", checked);
        }
        if (parentId != null) {
            domainOf(studyId, parentId);
        }
        String text = definition == null || definition.isBlank() ? null : definition.strip();
        if (text != null && text.length() > Domain.MAX_DEFINITION) {
            throw new InvalidInputException("text.tooLong", Domain.MAX_DEFINITION);
        }
        int position = existing.stream().mapToInt(Domain::getPosition).max().orElse(-1) + 1;
        return domains.save(new Domain(studyId, parentId, checked, text, position));
    }

    private Domain domainOf(long studyId, long domainId) {
        return domains.findById(domainId).filter(d -> d.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("domain.notFound"));
    }

    /** Top-level domains by position, each followed by its subdomains. */
    static List<Domain> inListOrder(List<Domain> byPosition) {
        Map<Long, List<Domain>> children = new LinkedHashMap<>();
        List<Domain> roots = new ArrayList<>();
        for (Domain d : byPosition) {
            if (d.getParentId() == null) {
                roots.add(d);
            } else {
                children.computeIfAbsent(d.getParentId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Domain> ordered = new ArrayList<>();
        roots.forEach(root -> addWithChildren(root, children, ordered));
        return ordered;
    }

    private static void addWithChildren(Domain domain, Map<Long, List<Domain>> children, List<Domain> ordered) {
        ordered.add(domain);
        children.getOrDefault(domain.getId(), List.of()).forEach(child -> addWithChildren(child, children, ordered));
    }
}
