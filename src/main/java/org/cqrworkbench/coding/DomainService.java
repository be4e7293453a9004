package org.cqrworkbench.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain list of a study, in the team's order, subdomains right after their parent. Leads and judges change
 * it while coding goes on, and the work filed under a domain follows every change: a merge or a delete with a
 * target moves codings here, and core ideas and categories through {@link DomainMerged}.
 */
@Service
public class DomainService {

    /** A consensus coding as the split page lists it: its case and the first words of its text. */
    public record CodingExcerpt(long id, String caseCode, String text) {
    }

    /** What a merge or delete removed, and the domain that received its work (null when there was none). */
    public record Removal(String removed, String target) {
    }

    private static final int EXCERPT_WORDS = 12;

    private final DomainRepository domains;
    private final CodingRepository codings;
    private final CaseService caseService;
    private final StudyAccess access;
    private final ApplicationEventPublisher events;

    DomainService(DomainRepository domains, CodingRepository codings, CaseService caseService, StudyAccess access,
            ApplicationEventPublisher events) {
        this.domains = domains;
        this.codings = codings;
        this.caseService = caseService;
        this.access = access;
        this.events = events;
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

    /** The list with what hangs on each domain, in one query per kind of work. */
    @Transactional(readOnly = true)
    public DomainList list(long studyId, String username) {
        access.member(studyId, username);
        List<Domain> ordered = inListOrder(domains.findByStudyIdOrderByPositionAscIdAsc(studyId));
        Map<Long, Long> consensus = new HashMap<>();
        Map<Long, Long> drafts = new HashMap<>();
        for (Object[] row : codings.countByDomainAndLayer(studyId)) {
            (row[1] == Layer.CONSENSUS ? consensus : drafts).merge((Long) row[0], (Long) row[2], Long::sum);
        }
        DomainUsage usage = usage(studyId);
        Map<Long, Integer> depth = new HashMap<>();
        List<DomainList.Row> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Domain d = ordered.get(i);
            depth.put(d.getId(), d.getParentId() == null ? 1 : depth.get(d.getParentId()) + 1);
            long id = d.getId();
            rows.add(new DomainList.Row(d, depth.get(id), consensus.getOrDefault(id, 0L), drafts.getOrDefault(id, 0L),
                    usage.coreIdeas(id), usage.categories(id), isFirstSibling(ordered, i), isLastSibling(ordered, i)));
        }
        return new DomainList(rows);
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
        return domains.save(tree(studyId).add(name, definition, parentId));
    }

    /** The catch-all domain the method asks for, last in the list. */
    @Transactional
    public Domain addOther(long studyId, String username, String definition) {
        access.analyst(studyId, username);
        return domains.save(tree(studyId).add(Domain.OTHER, definition, null));
    }

    /** Renames a domain and rewrites its definition, unless someone else changed it since `expectedVersion`. */
    @Transactional
    public void describe(long studyId, String username, long domainId, long expectedVersion, String name, String definition) {
        access.analyst(studyId, username);
        domains.findForUpdateById(domainId);
        DomainTree tree = tree(studyId);
        Domain domain = fresh(tree, domainId, expectedVersion);
        domain.describe(tree.checkedName(name, domainId), DomainTree.checkedDefinition(definition));
    }

    /** Moves a domain one place up or down among its siblings. */
    @Transactional
    public void move(long studyId, String username, long domainId, boolean up) {
        access.analyst(studyId, username);
        DomainTree tree = tree(studyId);
        tree.move(tree.current(domainId), up);
    }

    /** Puts a domain under another (with its own subdomains), or back at the top level when `parentId` is null. */
    @Transactional
    public void nest(long studyId, String username, long domainId, long expectedVersion, Long parentId) {
        access.analyst(studyId, username);
        domains.findForUpdateById(domainId);
        DomainTree tree = tree(studyId);
        Domain domain = fresh(tree, domainId, expectedVersion);
        if (Objects.equals(domain.getParentId(), parentId)) {
            return;
        }
        if (parentId != null && tree.isInside(tree.parent(parentId), domain)) {
            throw new InvalidInputException("domain.nest.cycle");
        }
        tree.placeLast(domain, parentId);
    }

    /**
     * Moves everything filed under `sourceId` into `targetId`: codings (drafts too), core ideas, categories and
     * subdomains; then removes the source. A target that sat inside the source first takes the source's place.
     */
    @Transactional
    public Removal merge(long studyId, String username, long sourceId, long targetId) {
        access.analyst(studyId, username);
        DomainTree tree = tree(studyId);
        Domain source = tree.current(sourceId);
        Domain target = tree.current(targetId);
        if (source == target) {
            throw new InvalidInputException("domain.merge.self");
        }
        if (tree.isInside(target, source)) {
            tree.replace(source, List.of(target));
        }
        moveWork(studyId, source, target);
        tree.children(source).forEach(child -> tree.placeLast(child, targetId));
        domains.delete(source);
        return new Removal(source.getName(), target.getName());
    }

    /**
     * Creates a domain right after `domainId` and moves the chosen consensus codings into it. Core ideas written
     * only from those codings follow them (see {@link DomainSplit}); those also drawn from codings that stay, stay.
     */
    @Transactional
    public Domain split(long studyId, String username, long domainId, Set<Long> codingIds, String name, String definition) {
        access.analyst(studyId, username);
        DomainTree tree = tree(studyId);
        Domain source = tree.current(domainId);
        if (codingIds == null || codingIds.isEmpty()) {
            throw new InvalidInputException("domain.split.choose", source.getName());
        }
        List<Coding> chosen = codings.findAllById(codingIds);
        boolean allFromSource = chosen.size() == codingIds.size() && chosen.stream().allMatch(c ->
                c.getStudyId() == studyId && c.getDomainId() == domainId && c.getLayer() == Layer.CONSENSUS);
        if (!allFromSource) {
            throw new ConflictException("domain.split.changed", source.getName());
        }
        Domain created = domains.save(tree.addAfter(source, name, definition));
        chosen.forEach(c -> c.recodeInto(created.getId()));
        events.publishEvent(new DomainSplit(studyId, domainId, created.getId(), Set.copyOf(codingIds)));
        return created;
    }

    /**
     * Deletes a domain. One that holds work needs a target that receives its codings, core ideas and
     * categories; its subdomains take its place in the list.
     */
    @Transactional
    public Removal delete(long studyId, String username, long domainId, Long targetId) {
        access.analyst(studyId, username);
        DomainTree tree = tree(studyId);
        Domain domain = tree.current(domainId);
        Domain target = null;
        if (targetId == null) {
            DomainUsage usage = usage(studyId);
            long held = codings.countByDomainId(domainId);
            if (held + usage.coreIdeas(domainId) + usage.categories(domainId) > 0) {
                throw new InvalidInputException("domain.delete.used", domain.getName(), held, usage.coreIdeas(domainId),
                        usage.categories(domainId));
            }
        } else {
            target = tree.current(targetId);
            if (target == domain) {
                throw new InvalidInputException("domain.delete.self");
            }
            moveWork(studyId, domain, target);
        }
        tree.replace(domain, tree.children(domain));
        domains.delete(domain);
        return new Removal(domain.getName(), target == null ? null : target.getName());
    }

    /** A domain's consensus codings with their case and first words, for choosing which of them to split off. */
    @Transactional(readOnly = true)
    public List<CodingExcerpt> consensusCodings(long studyId, String username, long domainId) {
        access.member(studyId, username);
        domainOf(studyId, domainId);
        Map<Long, String> caseCodes = new HashMap<>();
        for (CaseCode c : caseService.caseCodes(studyId, username)) {
            caseCodes.put(c.id(), c.code());
        }
        List<CodingExcerpt> excerpts = new ArrayList<>();
        for (Object[] row : codings.consensusExcerpts(domainId)) {
            String text = (String) row[3];
            excerpts.add(new CodingExcerpt((Long) row[0], caseCodes.get((Long) row[1]),
                    firstWords(text.substring(0, Math.min(text.length(), (Integer) row[2])))));
        }
        return excerpts;
    }

    /** Entity by entity rather than in one bulk update, so that each moved coding shows up in the change log. */
    private void moveWork(long studyId, Domain source, Domain target) {
        codings.findByDomainId(source.getId()).forEach(c -> c.recodeInto(target.getId()));
        events.publishEvent(new DomainMerged(studyId, source.getId(), target.getId()));
    }

    private DomainUsage usage(long studyId) {
        DomainUsage usage = new DomainUsage(studyId);
        events.publishEvent(usage);
        return usage;
    }

    private DomainTree tree(long studyId) {
        return DomainTree.load(studyId, domains);
    }

    private static Domain fresh(DomainTree tree, long domainId, long expectedVersion) {
        Domain domain = tree.current(domainId);
        if (domain.getVersion() != expectedVersion) {
            throw new ConflictException("domain.conflict", domain.getName());
        }
        return domain;
    }

    private Domain domainOf(long studyId, long domainId) {
        return domains.findById(domainId).filter(d -> d.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("domain.notFound"));
    }

    static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= EXCERPT_WORDS) {
            return String.join(" ", words);
        }
        return String.join(" ", Arrays.copyOf(words, EXCERPT_WORDS)) + " …";
    }

    private static boolean isFirstSibling(List<Domain> ordered, int index) {
        Long parent = ordered.get(index).getParentId();
        return ordered.subList(0, index).stream().noneMatch(d -> Objects.equals(d.getParentId(), parent));
    }

    private static boolean isLastSibling(List<Domain> ordered, int index) {
        Long parent = ordered.get(index).getParentId();
        return ordered.subList(index + 1, ordered.size()).stream()
                .noneMatch(d -> Objects.equals(d.getParentId(), parent));
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
