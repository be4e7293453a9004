package org.cqrworkbench.crossanalysis;

import java.util.List;

/**
 * Which case contributed to which category in one subsample: the picture auditors use to check counts.
 * Rows follow the table's order (domains, then their categories); columns are the subsample's cases.
 */
public record CaseGrid(int number, String subsampleName, List<String> caseCodes, List<Line> lines) {

    /** A domain line has no marks; a category line has one mark per case column, its count and label (null when not reported). */
    public record Line(ResultsTable.Kind kind, int depth, String text, List<Boolean> marks, int cases, String label) {
    }
}
