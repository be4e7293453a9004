package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.frequency.FrequencyEngine;
import org.cqrworkbench.frequency.FrequencyLabel;

/**
 * Categories of each domain side by side across subsamples. Two results are called different when their
 * labels are at least two steps apart; a category absent from a subsample counts one step below the lowest
 * label in use there.
 */
public record Comparison(List<SubsampleInfo> subsamples, List<Line> lines) {

    public record Cell(String label, int cases) {
    }

    public record Line(boolean domain, int depth, String text, List<Cell> cells, boolean different) {
    }

    static Comparison of(Analysis analysis) {
        List<SubsampleInfo> subsamples = analysis.design().subsamples();
        Map<String, List<CategoryNode>> tree = CategoryCounts.tree(analysis.categories());
        List<Line> lines = new ArrayList<>();
        for (Domain domain : analysis.domains()) {
            List<Line> categoryLines = new ArrayList<>();
            addLines(categoryLines, tree, domain.getId(), null, 1, analysis.counts(), subsamples);
            if (!categoryLines.isEmpty()) {
                lines.add(new Line(true, 0, domain.getName(), List.of(), false));
                lines.addAll(categoryLines);
            }
        }
        return new Comparison(subsamples, lines);
    }

    private static void addLines(List<Line> lines, Map<String, List<CategoryNode>> tree, long domainId, Long parentId, int depth,
            CategoryCounts counts, List<SubsampleInfo> subsamples) {
        for (CategoryNode category : tree.getOrDefault(CategoryCounts.key(domainId, parentId), List.of())) {
            List<Cell> cells = new ArrayList<>();
            List<Integer> steps = new ArrayList<>();
            for (SubsampleInfo s : subsamples) {
                int count = counts.count(category.id(), s.id());
                Optional<FrequencyLabel> label = FrequencyEngine.label(count, (int) s.n(), s.rules());
                cells.add(new Cell(label.map(FrequencyLabel::displayName).orElse(null), count));
                steps.add(step(label, s));
            }
            boolean different = steps.stream().mapToInt(Integer::intValue).max().orElse(0)
                    - steps.stream().mapToInt(Integer::intValue).min().orElse(0) >= 2;
            lines.add(new Line(false, depth, category.name(), cells, different));
            addLines(lines, tree, domainId, category.id(), depth + 1, counts, subsamples);
        }
    }

    /** General 4, Typical 3, Variant 2, Rare 1; not reported: one below the lowest label the subsample uses. */
    static int step(Optional<FrequencyLabel> label, SubsampleInfo subsample) {
        if (label.isPresent()) {
            return FrequencyLabel.values().length - label.get().ordinal();
        }
        boolean rareInUse = FrequencyEngine.ranges((int) subsample.n(), subsample.rules()).stream()
                .anyMatch(r -> r.label() == FrequencyLabel.RARE);
        return rareInUse ? 0 : 1;
    }
}
