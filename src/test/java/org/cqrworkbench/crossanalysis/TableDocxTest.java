package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

class TableDocxTest {

    static final String TITLE_1 = "Domains, Categories, and Frequencies of Findings Regarding Clients' Experience";
    static final String NOTE_1 = "Note. N = 10; General categories = 9–10 cases; Typical categories = 6–8 cases; "
            + "Variant categories = 2–5 cases; Rare categories = 1 case; Bold = Domain; Nonbold = Category.";
    static final String TITLE_2 = "Domains, Categories, and Frequencies of Findings Regarding Therapists' Experience";
    static final String NOTE_2 = "Note. N = 3; Typical categories = 2 cases.";

    private final ResultsTable clients = new ResultsTable(1, TITLE_1, "Clients", 10, List.of(
            domain("Antecedents"),
            category(1, "Client felt stuck before therapy", "General", 10),
            category(2, "Stuck at work", "Typical", 7),
            category(1, "Client blamed self", "Variant", 3),
            domain("Consequences"),
            category(1, "Client left therapy", "Rare", 1)), NOTE_1);
    private final ResultsTable therapists = new ResultsTable(2, TITLE_2, "Therapists", 3, List.of(
            domain("Therapist reactions"),
            category(1, "Therapist said \"enough,\" then\nwaited", "Typical", 2)), NOTE_2);

    @Test
    void eachTableIsBoldHeadingItalicTitleThenTableWithAPageBreakBetweenTables() throws IOException {
        try (XWPFDocument document = write(List.of(clients, therapists), true)) {
            List<IBodyElement> body = document.getBodyElements();
            assertThat(body).extracting(element -> element.getElementType().name())
                    .containsExactly("PARAGRAPH", "PARAGRAPH", "TABLE", "PARAGRAPH", "PARAGRAPH", "TABLE");

            XWPFParagraph heading1 = (XWPFParagraph) body.get(0);
            XWPFParagraph title1 = (XWPFParagraph) body.get(1);
            XWPFParagraph heading2 = (XWPFParagraph) body.get(3);
            assertThat(heading1.getText()).isEqualTo("Table 1");
            assertThat(heading1.getRuns()).allMatch(XWPFRun::isBold);
            assertThat(title1.getText()).isEqualTo(TITLE_1);
            assertThat(title1.getRuns()).allMatch(XWPFRun::isItalic).noneMatch(XWPFRun::isBold);
            assertThat(heading2.getText()).isEqualTo("Table 2");
            assertThat(((XWPFParagraph) body.get(4)).getText()).isEqualTo(TITLE_2);

            assertThat(heading1.isPageBreak()).isFalse();
            assertThat(heading2.isPageBreak()).isTrue();
        }
    }

    @Test
    void tableCellsHoldHeaderRowsAndNoteInOrder() throws IOException {
        try (XWPFDocument document = write(List.of(clients, therapists), true)) {
            assertThat(cellTexts(document.getTables().get(0))).containsExactly(
                    List.of("Domain and category", "Frequency", "Cases"),
                    List.of("Antecedents", "", ""),
                    List.of("Client felt stuck before therapy", "General", "10"),
                    List.of("Stuck at work", "Typical", "7"),
                    List.of("Client blamed self", "Variant", "3"),
                    List.of("Consequences", "", ""),
                    List.of("Client left therapy", "Rare", "1"),
                    List.of(NOTE_1));
            assertThat(cellTexts(document.getTables().get(1))).containsExactly(
                    List.of("Domain and category", "Frequency", "Cases"),
                    List.of("Therapist reactions", "", ""),
                    List.of("Therapist said \"enough,\" then\nwaited", "Typical", "2"),
                    List.of(NOTE_2));
        }
    }

    @Test
    void domainRunsAreBoldCategoriesAreNotAndSubcategoriesAreIndented() throws IOException {
        try (XWPFDocument document = write(List.of(clients), true)) {
            XWPFTable table = document.getTables().get(0);
            assertThat(firstParagraph(table, 1, 0).getRuns()).allMatch(XWPFRun::isBold);
            assertThat(firstParagraph(table, 5, 0).getRuns()).allMatch(XWPFRun::isBold);
            for (int r : new int[] {2, 3, 4, 6}) {
                assertThat(firstParagraph(table, r, 0).getRuns()).as("row %d", r).noneMatch(XWPFRun::isBold);
                assertThat(firstParagraph(table, r, 1).getRuns()).as("label %d", r).noneMatch(XWPFRun::isBold);
            }
            assertThat(firstParagraph(table, 3, 0).getIndentationLeft()).as("subcategory").isEqualTo(360);
            assertThat(firstParagraph(table, 2, 0).getIndentationLeft()).as("category").isLessThanOrEqualTo(0);
            assertThat(firstParagraph(table, 1, 0).getIndentationLeft()).as("domain").isLessThanOrEqualTo(0);
        }
    }

    @Test
    void noteIsOneMergedLastRowStartingWithItalicNote() throws IOException {
        try (XWPFDocument document = write(List.of(clients), true)) {
            XWPFTable table = document.getTables().get(0);
            XWPFTableRow last = table.getRow(table.getNumberOfRows() - 1);
            assertThat(last.getTableCells()).hasSize(1);
            XWPFTableCell note = last.getCell(0);
            assertThat(note.getCTTc().getTcPr().getGridSpan().getVal()).isEqualTo(BigInteger.valueOf(3));

            List<XWPFRun> runs = note.getParagraphs().get(0).getRuns();
            assertThat(runs.get(0).text()).isEqualTo("Note.");
            assertThat(runs.get(0).isItalic()).isTrue();
            assertThat(runs.subList(1, runs.size())).noneMatch(XWPFRun::isItalic);
            assertThat(note.getText()).isEqualTo(NOTE_1);
        }
    }

    @Test
    void onlyRulesAreAboveAndBelowTheHeadingsAndUnderTheLastDataRow() throws IOException {
        try (XWPFDocument document = write(List.of(clients), true)) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getTopBorderType()).isEqualTo(XWPFBorderType.SINGLE);
            assertThat(table.getBottomBorderType()).isEqualTo(XWPFBorderType.NONE);
            assertThat(table.getLeftBorderType()).isEqualTo(XWPFBorderType.NONE);
            assertThat(table.getRightBorderType()).isEqualTo(XWPFBorderType.NONE);
            assertThat(table.getInsideHBorderType()).isEqualTo(XWPFBorderType.NONE);
            assertThat(table.getInsideVBorderType()).isEqualTo(XWPFBorderType.NONE);

            int lastData = table.getNumberOfRows() - 2;
            for (int r = 0; r < table.getNumberOfRows(); r++) {
                boolean ruled = r == 0 || r == lastData;
                for (XWPFTableCell cell : table.getRow(r).getTableCells()) {
                    assertThat(ruleBelow(cell)).as("row %d", r).isEqualTo(ruled);
                }
            }
        }
    }

    @Test
    void withoutCountsTheTableHasTwoColumns() throws IOException {
        try (XWPFDocument document = write(List.of(clients), false)) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(2);
            List<List<String>> texts = cellTexts(table);
            assertThat(texts.get(0)).containsExactly("Domain and category", "Frequency");
            assertThat(texts.get(2)).containsExactly("Client felt stuck before therapy", "General");
            assertThat(texts.subList(0, texts.size() - 1)).allMatch(row -> row.size() == 2);
            XWPFTableCell note = table.getRow(table.getNumberOfRows() - 1).getCell(0);
            assertThat(note.getCTTc().getTcPr().getGridSpan().getVal()).isEqualTo(BigInteger.TWO);
        }
    }

    @Test
    void everyRunIsTimesNewRomanTwelvePoint() throws IOException {
        try (XWPFDocument document = write(List.of(clients, therapists), true)) {
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(paragraph -> runs.addAll(paragraph.getRuns()));
            for (XWPFTable table : document.getTables()) {
                table.getRows().forEach(row -> row.getTableCells().forEach(
                        cell -> cell.getParagraphs().forEach(paragraph -> runs.addAll(paragraph.getRuns()))));
            }
            assertThat(runs).hasSizeGreaterThan(20);
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isEqualTo(12.0);
            });
        }
    }

    static ResultsTable.Row domain(String text) {
        return new ResultsTable.Row(Kind.DOMAIN, 0, text, null, null);
    }

    static ResultsTable.Row category(int depth, String text, String label, int cases) {
        return new ResultsTable.Row(Kind.CATEGORY, depth, text, label, cases);
    }

    private static XWPFDocument write(List<ResultsTable> tables, boolean withCounts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableDocx.write(tables, withCounts, out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<List<String>> cellTexts(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
        }
        return rows;
    }

    private static XWPFParagraph firstParagraph(XWPFTable table, int row, int column) {
        return table.getRow(row).getCell(column).getParagraphs().get(0);
    }

    private static boolean ruleBelow(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        return properties != null && properties.isSetTcBorders() && properties.getTcBorders().isSetBottom()
                && properties.getTcBorders().getBottom().getVal() == STBorder.SINGLE;
    }
}
