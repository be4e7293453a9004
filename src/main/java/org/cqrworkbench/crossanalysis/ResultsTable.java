package org.cqrworkbench.crossanalysis;

import java.util.List;

/**
 * One publication table, for one subsample, exactly as the page shows it and every export writes it:
 * "Table n", the title, domain rows (bold, no label) each followed by its category rows in print order,
 * and a note such as "Note. N = 10; General categories = 9–10 cases; ...".
 */
public record ResultsTable(int number, String title, String subsampleName, long n, List<Row> rows, String note) {

    public enum Kind { DOMAIN, CATEGORY }

    /**
     * A row: a domain (depth 0, no label, no count) or a category (depth 1, subcategories 2 and deeper),
     * with its frequency label ("General", "Typical", "Variant", "Rare") and its case count.
     */
    public record Row(Kind kind, int depth, String text, String label, Integer cases) {

        public boolean isDomain() {
            return kind == Kind.DOMAIN;
        }

        /** The row's class on the tables page, worked out here rather than once per row in the template. */
        public String cssClass() {
            return isDomain() ? "domain-row" : "depth-" + depth;
        }
    }

    /** The rows as the tables page shows them, written in one go (see TableRowsMarkup). */
    public String rowsMarkup() {
        return TableRowsMarkup.of(this);
    }

    /** "Table 1" */
    public String heading() {
        return "Table " + number;
    }
}
