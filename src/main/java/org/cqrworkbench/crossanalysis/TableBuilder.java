package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.cqrworkbench.crossanalysis.ResultsTable.Row;
import org.cqrworkbench.frequency.CountRange;
import org.cqrworkbench.frequency.FrequencyEngine;
import org.cqrworkbench.frequency.FrequencyLabel;

/**
 * Lays out the publication tables and case grids from a study's categories and counts. Within a domain,
 * categories run General, Typical, Variant, Rare, then by case count, then in the team's order;
 * subcategories follow the same order under their parent; unreported categories are left out.
 */
final class TableBuilder {

    private final String studyName;
    private final StudyDesign design;
    private final List<Domain> domains;
    private final Map<String, List<CategoryNode>> tree;
    private final CategoryCounts counts;
    private final List<String> abbreviations;
    private final Map<Long, IntFunction<Optional<FrequencyLabel>>> labellers = new HashMap<>();

    TableBuilder(String studyName, StudyDesign design, List<Domain> domains, List<CategoryNode> categories,
            CategoryCounts counts, List<String> abbreviations) {
        this.studyName = studyName;
        this.design = design;
        this.domains = domains;
        this.tree = CategoryCounts.tree(categories);
        this.counts = counts;
        this.abbreviations = abbreviations;
    }

    List<ResultsTable> tables() {
        List<ResultsTable> tables = new ArrayList<>();
        int number = 1;
        for (SubsampleInfo subsample : design.subsamples()) {
            tables.add(table(number++, subsample));
        }
        return tables;
    }

    List<CaseGrid> grids() {
        List<CaseGrid> grids = new ArrayList<>();
        int number = 1;
        for (SubsampleInfo subsample : design.subsamples()) {
            grids.add(grid(number++, subsample));
        }
        return grids;
    }

    ResultsTable table(int number, SubsampleInfo subsample) {
        List<Row> rows = new ArrayList<>();
        for (Domain domain : domains) {
            List<Row> categoryRows = new ArrayList<>();
            addReported(categoryRows, domain.getId(), null, 1, subsample);
            if (!categoryRows.isEmpty()) {
                rows.add(new Row(Kind.DOMAIN, 0, domain.getName(), null, null));
                rows.addAll(categoryRows);
            }
        }
        return new ResultsTable(number, title(subsample), subsample.name(), subsample.n(), rows, note(subsample));
    }

    private void addReported(List<Row> rows, long domainId, Long parentId, int depth, SubsampleInfo subsample) {
        for (CategoryNode category : ordered(domainId, parentId, subsample)) {
            int count = counts.count(category.id(), subsample.id());
            Optional<FrequencyLabel> label = label(count, subsample);
            if (label.isEmpty()) {
                continue;
            }
            rows.add(new Row(Kind.CATEGORY, depth, category.name(), label.get().displayName(), count));
            addReported(rows, domainId, category.id(), depth + 1, subsample);
        }
    }

    CaseGrid grid(int number, SubsampleInfo subsample) {
        List<StudyCase> cases = design.cases().stream().filter(c -> c.belongsTo(subsample.id())).toList();
        List<CaseGrid.Line> lines = new ArrayList<>();
        for (Domain domain : domains) {
            List<CaseGrid.Line> categoryLines = new ArrayList<>();
            addGridLines(categoryLines, domain.getId(), null, 1, subsample, cases);
            if (!categoryLines.isEmpty()) {
                lines.add(new CaseGrid.Line(Kind.DOMAIN, 0, domain.getName(), List.of(), 0, null));
                lines.addAll(categoryLines);
            }
        }
        return new CaseGrid(number, subsample.name(), cases.stream().map(StudyCase::getCode).toList(), lines);
    }

    private void addGridLines(List<CaseGrid.Line> lines, long domainId, Long parentId, int depth, SubsampleInfo subsample,
            List<StudyCase> cases) {
        for (CategoryNode category : ordered(domainId, parentId, subsample)) {
            Set<Long> present = counts.cases(category.id(), subsample.id());
            if (present.isEmpty()) {
                continue;
            }
            List<Boolean> marks = cases.stream().map(c -> present.contains(c.getId())).toList();
            String label = label(present.size(), subsample).map(FrequencyLabel::displayName).orElse(null);
            lines.add(new CaseGrid.Line(Kind.CATEGORY, depth, category.name(), marks, present.size(), label));
            addGridLines(lines, domainId, category.id(), depth + 1, subsample, cases);
        }
    }

    /** Print order: by label (unreported last), then more cases first, then the team's own order. */
    private List<CategoryNode> ordered(long domainId, Long parentId, SubsampleInfo subsample) {
        List<CategoryNode> siblings = tree.getOrDefault(CategoryCounts.key(domainId, parentId), List.of());
        // Each sibling's label once, not once per comparison: a domain may have hundreds of categories.
        record Ranked(CategoryNode node, int rank, int count) {
        }
        List<Ranked> ranked = new ArrayList<>(siblings.size());
        for (CategoryNode c : siblings) {
            int count = counts.count(c.id(), subsample.id());
            ranked.add(new Ranked(c, label(count, subsample).map(Enum::ordinal).orElse(Integer.MAX_VALUE), count));
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(Comparator.comparingInt(Ranked::count).reversed()));
        return ranked.stream().map(Ranked::node).toList();
    }

    private Optional<FrequencyLabel> label(int count, SubsampleInfo subsample) {
        return labellers.computeIfAbsent(subsample.id(), id -> FrequencyEngine.labeller((int) subsample.n(), subsample.rules()))
                .apply(count);
    }

    private String title(SubsampleInfo subsample) {
        if (subsample.tableTitle() != null) {
            return subsample.tableTitle();
        }
        String topic = design.hasSeveralSubsamples() ? subsample.name() : studyName;
        return "Domains, Categories, and Frequencies of Findings Regarding " + topic;
    }

    private String note(SubsampleInfo subsample) {
        List<String> parts = new ArrayList<>();
        parts.add("N = " + subsample.n());
        List<CountRange> ranges = FrequencyEngine.ranges((int) subsample.n(), subsample.rules());
        if (!ranges.isEmpty()) {
            parts.add(FrequencyEngine.describe(ranges));
        }
        parts.addAll(abbreviations);
        parts.add("Bold = Domain");
        parts.add("Nonbold = Category.");
        return "Note. " + String.join("; ", parts);
    }
}
