package org.cqrworkbench.crossanalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes results tables as one RFC 4180 CSV file: a header line, then every table's rows and its note,
 * each line naming its table so the file can be sorted and filtered without losing its place.
 */
final class TableCsv {

    /** Excel only reads a CSV as UTF-8 when it starts with a byte order mark. */
    static final String BOM = "\uFEFF";
    static final String CRLF = "\r\n";

    private TableCsv() {
    }

    static void write(List<ResultsTable> tables, boolean withCounts, Writer out) {
        try {
            out.write(BOM);
            List<String> header = new ArrayList<>(List.of("Table", "Title", "Row", "Text", "Frequency"));
            if (withCounts) {
                header.add("Cases");
            }
            line(out, header);
            for (ResultsTable table : tables) {
                for (ResultsTable.Row row : table.rows()) {
                    line(out, fields(table, kindOf(row), row.text(), frequencyOf(row), casesOf(row), withCounts));
                }
                if (table.note() != null && !table.note().isBlank()) {
                    line(out, fields(table, "Note", table.note(), "", "", withCounts));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results CSV", e);
        }
    }

    private static List<String> fields(ResultsTable table, String kind, String text, String frequency,
                                       String cases, boolean withCounts) {
        List<String> fields = new ArrayList<>(List.of(table.heading(), nullToEmpty(table.title()), kind,
                nullToEmpty(text), frequency));
        if (withCounts) {
            fields.add(cases);
        }
        return fields;
    }

    static String kindOf(ResultsTable.Row row) {
        if (row.isDomain()) {
            return "Domain";
        }
        return row.depth() >= 2 ? "Subcategory" : "Category";
    }

    private static String frequencyOf(ResultsTable.Row row) {
        return row.isDomain() ? "" : nullToEmpty(row.label());
    }

    private static String casesOf(ResultsTable.Row row) {
        return row.isDomain() || row.cases() == null ? "" : String.valueOf(row.cases());
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write(CRLF);
    }

    /** RFC 4180: quote only when needed, doubling any quote inside. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
