package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct cases behind each category in each subsample, with subcategories counted into their parents.
 * Built once per request from two set-based queries, never a query per category.
 */
final class CategoryCounts {

    private record Origin(long caseId, long subsampleId) {
    }

    private final Map<Long, Map<Long, Set<Long>>> casesByCategoryAndSubsample = new HashMap<>();

    CategoryCounts(Collection<Category> categories, List<Object[]> ideaOrigins) {
        Map<Long, Origin> origins = new HashMap<>();
        for (Object[] row : ideaOrigins) {
            origins.put((Long) row[0], new Origin((Long) row[1], (Long) row[2]));
        }
        Map<Long, Category> byId = new HashMap<>();
        categories.forEach(c -> byId.put(c.getId(), c));
        for (Category category : categories) {
            for (Long ideaId : category.getCoreIdeaIds()) {
                Origin origin = origins.get(ideaId);
                if (origin == null) {
                    continue;
                }
                // Each ancestor gains the case too; a guard stops a malformed cycle from looping forever.
                Set<Long> seen = new HashSet<>();
                for (Category c = category; c != null && seen.add(c.getId()); c = c.getParentId() == null ? null : byId.get(c.getParentId())) {
                    casesByCategoryAndSubsample.computeIfAbsent(c.getId(), k -> new HashMap<>())
                            .computeIfAbsent(origin.subsampleId(), k -> new HashSet<>())
                            .add(origin.caseId());
                }
            }
        }
    }

    Set<Long> cases(long categoryId, long subsampleId) {
        return casesByCategoryAndSubsample.getOrDefault(categoryId, Map.of()).getOrDefault(subsampleId, Set.of());
    }

    int count(long categoryId, long subsampleId) {
        return cases(categoryId, subsampleId).size();
    }

    /** Categories by (domain, parent), each list in the team's order: the tree every view walks. */
    static Map<String, List<Category>> tree(Collection<Category> categories) {
        Map<String, List<Category>> tree = new HashMap<>();
        for (Category c : categories) {
            tree.computeIfAbsent(key(c.getDomainId(), c.getParentId()), k -> new ArrayList<>()).add(c);
        }
        tree.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Category::getPosition).thenComparing(Category::getId)));
        return tree;
    }

    static String key(long domainId, Long parentId) {
        return domainId + "/" + parentId;
    }
}
