package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;

/**
 * One study's domains, loaded once for a change: sibling order, name and cycle checks, placement. A domain's
 * position only orders it among its siblings. New domains go to the end of their siblings, except that at the
 * top level they go before a trailing "Other", so the catch-all stays last without being a special kind.
 */
final class DomainTree {

    private static final Comparator<Domain> ORDER = Comparator.comparingInt(Domain::getPosition)
            .thenComparing(Domain::getId, Comparator.nullsLast(Comparator.naturalOrder()));

    private final long studyId;
    private final List<Domain> all;

    DomainTree(long studyId, List<Domain> all) {
        this.studyId = studyId;
        this.all = new ArrayList<>(all);
    }

    static DomainTree load(long studyId, DomainRepository domains) {
        return new DomainTree(studyId, domains.findByStudyIdOrderByPositionAscIdAsc(studyId));
    }

    Optional<Domain> find(Long id) {
        return id == null ? Optional.empty() : all.stream().filter(d -> id.equals(d.getId())).findFirst();
    }

    /** A domain the user is acting on from a page they loaded earlier; if it is gone, someone removed it meanwhile. */
    Domain current(long id) {
        return find(id).orElseThrow(() -> new ConflictException("domain.gone"));
    }

    Optional<Domain> named(String name) {
        String key = key(name);
        return all.stream().filter(d -> key(d.getName()).equals(key)).findFirst();
    }

    boolean hasOther() {
        return all.stream().anyMatch(Domain::isOther);
    }

    /** The name stripped, not empty, not too long, and not another domain's name in any letter case. */
    String checkedName(String name, Long exceptId) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("domain.name.required");
        }
        if (checked.length() > Domain.MAX_NAME) {
            throw new InvalidInputException("text.tooLong", Domain.MAX_NAME);
        }
        Optional<Domain> same = named(checked).filter(d -> exceptId == null || !exceptId.equals(d.getId()));
        if (same.isPresent()) {
            throw new InvalidInputException("domain.name.taken", same.get().getName());
        }
        return checked;
    }

    static String checkedDefinition(String definition) {
        String text = definition == null || definition.isBlank() ? null : definition.strip();
        if (text != null && text.length() > Domain.MAX_DEFINITION) {
            throw new InvalidInputException("text.tooLong", Domain.MAX_DEFINITION);
        }
        return text;
    }

    /** A parent chosen in a form or file; it must be a domain of this study. */
    Domain parent(long parentId) {
        return find(parentId).orElseThrow(() -> new InvalidInputException("domain.parent.unknown"));
    }

    List<Domain> siblings(Long parentId) {
        return new ArrayList<>(all.stream().filter(d -> Objects.equals(d.getParentId(), parentId)).sorted(ORDER).toList());
    }

    List<Domain> children(Domain parent) {
        return siblings(parent.getId());
    }

    /** Whether `candidate` is `ancestor` itself or sits somewhere below it. */
    boolean isInside(Domain candidate, Domain ancestor) {
        for (Domain d = candidate; d != null; d = find(d.getParentId()).orElse(null)) {
            if (d == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A new domain at the end of its siblings; the caller saves it. */
    Domain add(String name, String definition, Long parentId) {
        if (parentId != null) {
            parent(parentId);
        }
        Domain created = new Domain(studyId, parentId, checkedName(name, null), checkedDefinition(definition), 0);
        placeLast(created, parentId);
        return created;
    }

    /** A new domain right after `anchor`, under the same parent; the caller saves it. */
    Domain addAfter(Domain anchor, String name, String definition) {
        Domain created = new Domain(studyId, anchor.getParentId(), checkedName(name, null), checkedDefinition(definition), 0);
        List<Domain> siblings = siblings(anchor.getParentId());
        siblings.add(siblings.indexOf(anchor) + 1, created);
        renumber(siblings);
        all.add(created);
        return created;
    }

    /** Puts a domain under `parentId` (null: top level), after the domains already there. */
    void placeLast(Domain domain, Long parentId) {
        all.remove(domain);
        List<Domain> siblings = siblings(parentId);
        int at = siblings.size();
        if (parentId == null && !domain.isOther() && at > 0 && siblings.get(at - 1).isOther()) {
            at--;
        }
        siblings.add(at, domain);
        domain.nestUnder(parentId);
        renumber(siblings);
        all.add(domain);
    }

    /** Swaps a domain with its neighbour among its siblings; at either end nothing changes. */
    void move(Domain domain, boolean up) {
        List<Domain> siblings = siblings(domain.getParentId());
        int index = siblings.indexOf(domain);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.add(other, siblings.remove(index));
        renumber(siblings);
    }

    /** Puts `replacements` where `domain` stands among its siblings, in their order; `domain` leaves the tree. */
    void replace(Domain domain, List<Domain> replacements) {
        List<Domain> siblings = siblings(domain.getParentId());
        int at = siblings.indexOf(domain);
        siblings.remove(at);
        siblings.addAll(at, replacements);
        replacements.forEach(r -> r.nestUnder(domain.getParentId()));
        renumber(siblings);
        all.remove(domain);
    }

    private static void renumber(List<Domain> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).getPosition() != i) {
                siblings.get(i).moveTo(i);
            }
        }
    }

    static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
