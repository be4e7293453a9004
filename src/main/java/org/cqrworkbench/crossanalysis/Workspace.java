package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.frequency.FrequencyEngine;
import org.cqrworkbench.frequency.FrequencyLabel;
import org.cqrworkbench.web.Html;
import org.springframework.context.MessageSource;

/**
 * What the cross-analysis page shows for one domain and subsample: the domain's categories in the team's order with
 * their live count and label, and its core ideas by case. A domain of a large study has thousands of core ideas, more
 * than a page can show at once; beyond {@link #SHOWN_AT_ONCE} each case's core ideas are listed only once its group is
 * opened. Everything the page would otherwise work out once per core idea is worked out here.
 */
public record Workspace(Domain domain, SubsampleInfo subsample, List<CaseGroup> cases, List<CategoryView> categories,
        int unplaced, int total, boolean lazy) {

    /** The page's wording, worked out here for what repeats: once per distinct text rather than once per case. */
    static final class Texts {

        private final MessageSource messages;
        private final Locale locale;
        private final Map<List<Object>, String> done = new HashMap<>();

        Texts(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String text(String code, Object... args) {
            List<Object> key = new ArrayList<>(args.length + 1);
            key.add(code);
            key.addAll(List.of(args));
            return done.computeIfAbsent(key, k -> messages.getMessage(code, args, locale));
        }
    }

    /**
     * Every category as an option of a list, in the page's order. The page has up to seven such lists (move, merge,
     * nest, comment...); written here once each instead of by a template loop over every category seven times.
     */
    public String categoryOptions() {
        StringBuilder html = new StringBuilder(categories.size() * 48);
        for (CategoryView c : categories) {
            html.append("<option value=\"").append(c.id()).append("\">");
            Html.escape(c.name(), html);
            html.append("</option>\n");
        }
        return html.toString();
    }

    /**
     * The case groups as the page writes them: each open group on its own, and the closed groups between open ones as
     * one piece of markup. A large domain lists hundreds of closed groups; a template loop over them cost more than
     * the writing.
     */
    public List<GroupRun> runs() {
        List<GroupRun> runs = new ArrayList<>();
        StringBuilder closed = new StringBuilder();
        for (CaseGroup group : cases) {
            if (!group.open()) {
                group.writeClosed(closed);
                continue;
            }
            if (!closed.isEmpty()) {
                runs.add(new GroupRun(null, closed.toString()));
                closed.setLength(0);
            }
            runs.add(new GroupRun(group, null));
        }
        if (!closed.isEmpty()) {
            runs.add(new GroupRun(null, closed.toString()));
        }
        return runs;
    }

    /** Either one open group, or the markup of closed groups that follow one another. */
    public record GroupRun(CaseGroup open, String closed) {
    }

    /** Up to this many core ideas, the page lists them all at once. */
    static final int SHOWN_AT_ONCE = 300;

    /** A core idea by id, case and subsample, and its text when it is to be shown. */
    record IdeaRow(long id, long caseId, long subsampleId, String text) {
    }

    /** A category as the workspace lists it: its place in the tree, what the edit form shows, and its version. */
    record CategoryRow(long id, long domainId, Long parentId, String name, int position, String description, long version) {

        CategoryNode node() {
            return new CategoryNode(id, domainId, parentId, name, position);
        }
    }

    /** A core idea and the categories of this domain it sits in, if any. */
    public record IdeaView(long id, String text, List<CategoryView> categories, boolean placed) {
    }

    /**
     * A case's core ideas: how many the group holds and how many of those are in no category; {@code shown} lists them
     * when the group is open, and is empty when they are left to load on opening it.
     */
    public record CaseGroup(long caseId, String code, String summary, int ideas, int unplaced, boolean open,
            List<IdeaView> shown) {

        /** The group as the page lists it closed: its case and how many core ideas; they load when it is opened. */
        String closedMarkup() {
            StringBuilder html = new StringBuilder(160);
            writeClosed(html);
            return html.toString();
        }

        void writeClosed(StringBuilder html) {
            html.append("<details class=\"case\" data-case=\"").append(caseId).append("\" data-u=\"").append(unplaced)
                    .append("\"><summary><span class=\"case-code\">");
            Html.escape(code, html);
            html.append("</span> <span class=\"hint\">");
            Html.escape(summary, html);
            html.append("</span></summary></details>");
        }
    }

    /**
     * A category with its number for the keyboard (1–9), its depth in the tree, its count in this subsample (and how the
     * page says it), and its label with the class that colours it. {@code placeText} names the button that puts the
     * selected core ideas into it.
     */
    public record CategoryView(long id, int key, String name, String description, int depth, Long parentId, int cases,
            String casesText, String label, String labelClass, long version, String placeText) {

        public boolean singleCase() {
            return cases == 1;
        }

        /** The classes of the category's item: its depth, and whether it holds a single case or is left out of tables. */
        public String styleClass() {
            return "category depth-" + depth + (singleCase() ? " single" : "") + (label == null ? " unreported" : "");
        }

        /**
         * The category's head (its key, its name as a button for editors, its count and label) and its description.
         * A large domain has hundreds of categories, and these were most of the expressions the page evaluated.
         * {@code singleCaseText} says why a category of one case has no label.
         */
        public String head(boolean mayEdit, String singleCaseText) {
            StringBuilder html = new StringBuilder(320);
            html.append("<div class=\"category-head\">");
            if (key > 0) {
                html.append("<span class=\"key\" aria-hidden=\"true\">").append(key).append("</span>\n");
            }
            if (mayEdit) {
                html.append("<button type=\"submit\" form=\"place-form\" name=\"categoryId\" value=\"").append(id)
                        .append("\" class=\"category-name link\" aria-label=\"");
                Html.escape(placeText, html);
                html.append("\">");
                Html.escape(name, html);
                html.append("</button>");
            } else {
                html.append("<span class=\"category-name\">");
                Html.escape(name, html);
                html.append("</span>");
            }
            html.append("\n<span class=\"count\">");
            Html.escape(casesText, html);
            html.append("</span>");
            if (label != null) {
                html.append("\n<span class=\"label ").append(labelClass).append("\">");
                Html.escape(label, html);
                html.append("</span>");
            } else if (singleCase()) {
                html.append("\n<span class=\"label none\">");
                Html.escape(singleCaseText, html);
                html.append("</span>");
            }
            html.append("</div>");
            if (description != null && !description.isEmpty()) {
                html.append("\n<p class=\"hint description\">");
                Html.escape(description, html);
                html.append("</p>");
            }
            return html.toString();
        }
    }

    /**
     * The workspace. {@code ideas} are the domain's core ideas in the subsample; {@code texts} those to show, in the
     * team's order: all of them when there are few, else those of the cases in {@code open}. With {@code onlyUnplaced}
     * the groups hold only core ideas not yet in a category.
     */
    static Workspace of(AnalysisLoader.DomainAnalysis loaded, Domain domain, SubsampleInfo subsample, List<IdeaRow> ideas,
            List<IdeaRow> texts, Set<Long> open, boolean onlyUnplaced, boolean lazy, Texts words) {
        List<CategoryView> views = categoryViews(loaded, domain, subsample, words);
        Map<Long, CategoryView> byId = new HashMap<>();
        views.forEach(v -> byId.put(v.id(), v));
        // Every case in the order of their codes; those without core ideas in this subsample are left out below.
        Map<Long, List<IdeaRow>> byCase = new LinkedHashMap<>();
        Map<Long, String> codes = new HashMap<>();
        for (CaseCode c : loaded.cases()) {
            byCase.put(c.id(), new ArrayList<>());
            codes.put(c.id(), c.code());
        }
        int unplaced = 0;
        Map<Long, Integer> unplacedByCase = new HashMap<>();
        for (IdeaRow idea : ideas) {
            boolean placed = loaded.placements().containsKey(idea.id());
            if (!placed) {
                unplaced++;
                unplacedByCase.merge(idea.caseId(), 1, Integer::sum);
            }
            if (!placed || !onlyUnplaced) {
                byCase.computeIfAbsent(idea.caseId(), k -> new ArrayList<>()).add(idea);
            }
        }
        Map<Long, List<IdeaRow>> textsByCase = new HashMap<>();
        texts.stream().filter(r -> !onlyUnplaced || !loaded.placements().containsKey(r.id()))
                .forEach(r -> textsByCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r));
        List<CaseGroup> groups = new ArrayList<>();
        byCase.forEach((caseId, rows) -> {
            if (!rows.isEmpty()) {
                int groupUnplaced = unplacedByCase.getOrDefault(caseId, 0);
                boolean isOpen = !lazy || open.contains(caseId);
                List<IdeaView> shown = isOpen ? shown(textsByCase.getOrDefault(caseId, List.of()), loaded.placements(), byId)
                        : List.of();
                groups.add(new CaseGroup(caseId, codes.get(caseId),
                        words.text("crossanalysis.caseIdeas", rows.size(), groupUnplaced), rows.size(), groupUnplaced, isOpen, shown));
            }
        });
        return new Workspace(domain, subsample, groups, views, unplaced, ideas.size(), lazy);
    }

    /** One case's core ideas, as an opened group shows them. */
    static CaseGroup group(AnalysisLoader.DomainAnalysis loaded, Domain domain, SubsampleInfo subsample, long caseId,
            List<IdeaRow> texts, boolean onlyUnplaced, Texts words) {
        Map<Long, CategoryView> byId = new HashMap<>();
        categoryViews(loaded, domain, subsample, words).forEach(v -> byId.put(v.id(), v));
        List<IdeaRow> rows = texts.stream().filter(r -> !onlyUnplaced || !loaded.placements().containsKey(r.id())).toList();
        int unplaced = (int) rows.stream().filter(r -> !loaded.placements().containsKey(r.id())).count();
        String code = loaded.cases().stream().filter(c -> c.id() == caseId).map(CaseCode::code).findFirst().orElse("");
        return new CaseGroup(caseId, code, words.text("crossanalysis.caseIdeas", rows.size(), unplaced), rows.size(), unplaced,
                true, shown(rows, loaded.placements(), byId));
    }

    private static List<IdeaView> shown(List<IdeaRow> rows, Map<Long, List<Long>> placements, Map<Long, CategoryView> categories) {
        List<IdeaView> shown = new ArrayList<>(rows.size());
        for (IdeaRow row : rows) {
            List<CategoryView> in = new ArrayList<>(2);
            for (Long categoryId : placements.getOrDefault(row.id(), List.of())) {
                CategoryView view = categories.get(categoryId);
                if (view != null) {
                    in.add(view);
                }
            }
            shown.add(new IdeaView(row.id(), row.text(), in, !in.isEmpty()));
        }
        return shown;
    }

    private static List<CategoryView> categoryViews(AnalysisLoader.DomainAnalysis loaded, Domain domain, SubsampleInfo subsample,
            Texts words) {
        Map<Long, CategoryRow> rows = new HashMap<>();
        loaded.categories().forEach(c -> rows.put(c.id(), c));
        List<CategoryView> views = new ArrayList<>();
        addViews(views, CategoryCounts.tree(loaded.nodes()), rows, domain.getId(), null, 1,
                loaded.counts(), subsample, words);
        return views;
    }

    private static void addViews(List<CategoryView> views, Map<String, List<CategoryNode>> tree, Map<Long, CategoryRow> rows,
            long domainId, Long parentId, int depth, CategoryCounts counts, SubsampleInfo subsample, Texts words) {
        for (CategoryNode node : tree.getOrDefault(CategoryCounts.key(domainId, parentId), List.of())) {
            CategoryRow c = rows.get(node.id());
            int count = counts.count(c.id(), subsample.id());
            String label = FrequencyEngine.label(count, (int) subsample.n(), subsample.rules())
                    .map(FrequencyLabel::displayName).orElse(null);
            int key = views.size() < 9 ? views.size() + 1 : 0;
            String casesText = count == 1 ? words.text("crossanalysis.oneCase") : words.text("crossanalysis.cases", count);
            views.add(new CategoryView(c.id(), key, c.name(), c.description(), depth, c.parentId(), count, casesText, label,
                    label == null ? null : "label-" + label.toLowerCase(Locale.ROOT), c.version(),
                    words.text("crossanalysis.placeInto", c.name())));
            addViews(views, tree, rows, domainId, c.id(), depth + 1, counts, subsample, words);
        }
    }
}
