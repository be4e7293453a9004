package org.cqrworkbench.crossanalysis;

import org.cqrworkbench.crossanalysis.ResultsTable.Row;
import org.cqrworkbench.web.Html;

/**
 * The rows of a results table as HTML, for the tables page. Written here rather than in the template because a large
 * study's tables have over a thousand rows, and a template loop spent about half of the page's time on them.
 */
final class TableRowsMarkup {

    private TableRowsMarkup() {
    }

    static String of(ResultsTable table) {
        StringBuilder html = new StringBuilder(table.rows().size() * 80);
        for (Row row : table.rows()) {
            html.append("<tr class=\"").append(row.cssClass()).append("\"><td>");
            Html.escape(row.text(), html);
            html.append("</td><td>");
            Html.escape(row.label(), html);
            html.append("</td></tr>\n");
        }
        return html.toString();
    }
}
