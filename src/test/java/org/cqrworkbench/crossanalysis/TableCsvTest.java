package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.junit.jupiter.api.Test;

class TableCsvTest {

    static final String TITLE_1 = "Domains, Categories, and Frequencies of Findings Regarding Clients' Experience";
    static final String NOTE_1 = "Note. N = 10; General categories = 9–10 cases; Typical categories = 6–8 cases; "
            + "Variant categories = 2–5 cases; Rare categories = 1 case; Bold = Domain; Nonbold = Category.";
    static final String TITLE_2 = "Therapists' Experience";
    static final String NOTE_2 = "Note. N = 3; Typical categories = 2 cases.";
    static final String AWKWARD = "Therapist said \"enough,\" then\r\nwaited";

    private final ResultsTable clients = new ResultsTable(1, TITLE_1, "Clients", 10, List.of(
            domain("Antecedents"),
            category(1, "Client felt stuck before therapy", "General", 10),
            category(2, "Stuck at work", "Typical", 7),
            category(1, "Client blamed self", "Variant", 3),
            domain("Consequences"),
            category(1, "Client left therapy", "Rare", 1)), NOTE_1);
    private final ResultsTable therapists = new ResultsTable(2, TITLE_2, "Therapists", 3, List.of(
            domain("Therapist reactions"),
            category(1, AWKWARD, "Typical", 2)), NOTE_2);

    @Test
    void writesByteOrderMarkHeaderAndEveryRowWithCrlfLineEnds() {
        String quotedTitle = "\"" + TITLE_1 + "\"";
        assertThat(write(List.of(clients, therapists), true)).isEqualTo("\uFEFF"
                + "Table,Title,Row,Text,Frequency,Cases\r\n"
                + "Table 1," + quotedTitle + ",Domain,Antecedents,,\r\n"
                + "Table 1," + quotedTitle + ",Category,Client felt stuck before therapy,General,10\r\n"
                + "Table 1," + quotedTitle + ",Subcategory,Stuck at work,Typical,7\r\n"
                + "Table 1," + quotedTitle + ",Category,Client blamed self,Variant,3\r\n"
                + "Table 1," + quotedTitle + ",Domain,Consequences,,\r\n"
                + "Table 1," + quotedTitle + ",Category,Client left therapy,Rare,1\r\n"
                + "Table 1," + quotedTitle + ",Note,Note. N = 10; General categories = 9–10 cases; "
                + "Typical categories = 6–8 cases; Variant categories = 2–5 cases; Rare categories = 1 case; "
                + "Bold = Domain; Nonbold = Category.,,\r\n"
                + "Table 2,Therapists' Experience,Domain,Therapist reactions,,\r\n"
                + "Table 2,Therapists' Experience,Category,\"Therapist said \"\"enough,\"\" then\r\nwaited\",Typical,2\r\n"
                + "Table 2,Therapists' Experience,Note,Note. N = 3; Typical categories = 2 cases.,,\r\n");
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreakSurviveAStrictParser() {
        List<List<String>> records = parse(write(List.of(clients, therapists), true));
        assertThat(records).hasSize(1 + 7 + 3);
        assertThat(records).allMatch(record -> record.size() == 6);
        assertThat(records.get(9)).containsExactly("Table 2", TITLE_2, "Category", AWKWARD, "Typical", "2");
        assertThat(records.get(1).get(1)).isEqualTo(TITLE_1);
    }

    @Test
    void withoutCountsThereIsNoCasesColumn() {
        List<List<String>> records = parse(write(List.of(clients), false));
        assertThat(records.get(0)).containsExactly("Table", "Title", "Row", "Text", "Frequency");
        assertThat(records).allMatch(record -> record.size() == 5);
        assertThat(records.get(2)).containsExactly("Table 1", TITLE_1, "Category",
                "Client felt stuck before therapy", "General");
        assertThat(records.get(records.size() - 1)).containsExactly("Table 1", TITLE_1, "Note", NOTE_1, "");
    }

    static ResultsTable.Row domain(String text) {
        return new ResultsTable.Row(Kind.DOMAIN, 0, text, null, null);
    }

    static ResultsTable.Row category(int depth, String text, String label, int cases) {
        return new ResultsTable.Row(Kind.CATEGORY, depth, text, label, cases);
    }

    private static String write(List<ResultsTable> tables, boolean withCounts) {
        StringWriter out = new StringWriter();
        TableCsv.write(tables, withCounts, out);
        return out.toString();
    }

    /**
     * A strict RFC 4180 reader (after the byte order mark): records end in CRLF only, a quote may only open
     * a field or be doubled inside a quoted one. Anything else fails the test.
     */
    private static List<List<String>> parse(String csv) {
        assertThat(csv).startsWith("\uFEFF").endsWith("\r\n");
        String text = csv.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                assertThat(field).as("quote inside an unquoted field at %d", i).isEmpty();
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        field.append(q);
                    }
                }
                char next = text.charAt(i);
                assertThat(next == ',' || next == '\r').as("after closing quote at %d", i).isTrue();
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR must be followed by LF at %d", i).isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare LF at %d", i).isNotEqualTo('\n');
                field.append(c);
                i++;
            }
        }
        return records;
    }
}
