package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.frequency.FrequencyEngine;
import org.cqrworkbench.frequency.FrequencyLabel;

/**
 * What the cross-analysis page shows for one domain and subsample: every case's core ideas, and the
 * domain's categories in the team's order with their live count and label.
 */
public record Workspace(Domain domain, SubsampleInfo subsample, List<CaseBlock> cases, List<CategoryView> categories,
        int unplaced, int total) {

    public record IdeaView(long id, String text, List<CategoryView> categories) {

        public boolean placed() {
            return !categories.isEmpty();
        }
    }

    public record CaseBlock(String code, List<IdeaView> ideas) {
    }

    /** A category with its number for the keyboard (1–9), its depth in the tree and its count in this subsample. */
    public record CategoryView(long id, int key, String name, String description, int depth, Long parentId, int cases,
            String label, long version) {

        public boolean singleCase() {
            return cases == 1;
        }
    }

    static Workspace of(Analysis analysis, Domain domain, SubsampleInfo subsample, List<CoreIdea> ideas) {
        Map<String, List<Category>> tree = CategoryCounts.tree(analysis.categories());
        List<CategoryView> views = new ArrayList<>();
        addViews(views, tree, domain.getId(), null, 1, analysis.counts(), subsample);

        Map<Long, List<CategoryView>> placedIn = new HashMap<>();
        Map<Long, CategoryView> byId = new HashMap<>();
        views.forEach(v -> byId.put(v.id(), v));
        for (Category category : analysis.categories()) {
            CategoryView view = byId.get(category.getId());
            if (view != null) {
                category.getCoreIdeaIds().forEach(id -> placedIn.computeIfAbsent(id, k -> new ArrayList<>()).add(view));
            }
        }
        Map<Long, String> codes = new HashMap<>();
        analysis.design().cases().forEach(c -> codes.put(c.getId(), c.getCode()));
        Map<String, List<IdeaView>> byCase = new LinkedHashMap<>();
        analysis.design().cases().stream().filter(c -> c.belongsTo(subsample.id()))
                .forEach(c -> byCase.put(c.getCode(), new ArrayList<>()));
        int unplaced = 0;
        for (CoreIdea idea : ideas) {
            List<CategoryView> in = placedIn.getOrDefault(idea.getId(), List.of());
            if (in.isEmpty()) {
                unplaced++;
            }
            byCase.computeIfAbsent(codes.get(idea.getCaseId()), k -> new ArrayList<>()).add(new IdeaView(idea.getId(), idea.getBody(), in));
        }
        List<CaseBlock> blocks = byCase.entrySet().stream().map(e -> new CaseBlock(e.getKey(), e.getValue())).toList();
        return new Workspace(domain, subsample, blocks, views, unplaced, ideas.size());
    }

    private static void addViews(List<CategoryView> views, Map<String, List<Category>> tree, long domainId, Long parentId,
            int depth, CategoryCounts counts, SubsampleInfo subsample) {
        for (Category c : tree.getOrDefault(CategoryCounts.key(domainId, parentId), List.of())) {
            int count = counts.count(c.getId(), subsample.id());
            String label = FrequencyEngine.label(count, (int) subsample.n(), subsample.rules())
                    .map(FrequencyLabel::displayName).orElse(null);
            int key = views.size() < 9 ? views.size() + 1 : 0;
            views.add(new CategoryView(c.getId(), key, c.getName(), c.getDescription(), depth, c.getParentId(), count, label,
                    c.getVersion()));
            addViews(views, tree, domainId, c.getId(), depth + 1, counts, subsample);
        }
    }
}
