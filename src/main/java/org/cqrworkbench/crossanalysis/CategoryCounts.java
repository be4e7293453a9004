package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct cases behind each category in each subsample, with subcategories counted into their parents.
 * It starts empty over a tree of categories and is filled one placement at a time from set-based queries, never a
 * query per category; once filled it is only read, by several requests at once.
 */
final class CategoryCounts {

    /** The case and subsample a core idea belongs to. */
    record Origin(long caseId, long subsampleId) {
    }

    private final Map<Long, Long> parents = new HashMap<>();
    private final Map<Long, long[]> lines = new HashMap<>();
    private final Map<Long, Map<Long, Set<Long>>> casesByCategoryAndSubsample = new HashMap<>();

    CategoryCounts(Collection<CategoryNode> categories) {
        categories.forEach(c -> parents.put(c.id(), c.parentId()));
    }

    /** A core idea of this origin is placed in the category: its case counts there and in every ancestor. */
    void add(long categoryId, Origin origin) {
        for (long id : line(categoryId)) {
            casesByCategoryAndSubsample.computeIfAbsent(id, k -> new HashMap<>())
                    .computeIfAbsent(origin.subsampleId(), k -> new HashSet<>())
                    .add(origin.caseId());
        }
    }

    /** The category and its ancestors, worked out once each; a guard stops a malformed cycle from looping forever. */
    private long[] line(long categoryId) {
        long[] line = lines.get(categoryId);
        if (line == null) {
            List<Long> ids = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Long id = categoryId; id != null && parents.containsKey(id) && seen.add(id); id = parents.get(id)) {
                ids.add(id);
            }
            line = ids.stream().mapToLong(Long::longValue).toArray();
            lines.put(categoryId, line);
        }
        return line;
    }

    /**
     * Filling is done: each set of cases is copied into a compact read-only one. The counts stay cached while the
     * study is unchanged, and a hash set takes about twice the room for the same boxed case ids.
     */
    CategoryCounts compact() {
        casesByCategoryAndSubsample.values()
                .forEach(bySubsample -> bySubsample.replaceAll((subsample, cases) -> Set.copyOf(cases)));
        lines.clear();
        return this;
    }

    Set<Long> cases(long categoryId, long subsampleId) {
        return Collections.unmodifiableSet(kept(categoryId, subsampleId));
    }

    int count(long categoryId, long subsampleId) {
        return kept(categoryId, subsampleId).size();
    }

    private Set<Long> kept(long categoryId, long subsampleId) {
        return casesByCategoryAndSubsample.getOrDefault(categoryId, Map.of()).getOrDefault(subsampleId, Set.of());
    }

    /** Categories by (domain, parent), each list in the team's order: the tree every view walks. */
    static Map<String, List<CategoryNode>> tree(Collection<CategoryNode> categories) {
        Map<String, List<CategoryNode>> tree = new HashMap<>();
        for (CategoryNode c : categories) {
            tree.computeIfAbsent(key(c.domainId(), c.parentId()), k -> new ArrayList<>()).add(c);
        }
        tree.values().forEach(list -> list.sort(Comparator.comparingInt(CategoryNode::position).thenComparingLong(CategoryNode::id)));
        return tree;
    }

    static String key(long domainId, Long parentId) {
        return domainId + "/" + parentId;
    }
}
