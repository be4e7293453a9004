package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.junit.jupiter.api.Test;

class TableXlsxTest {

    static final String TITLE_1 = "Domains, Categories, and Frequencies of Findings Regarding Clients' Experience";
    static final String NOTE_1 = "Note. N = 10; General categories = 9–10 cases; Typical categories = 6–8 cases; "
            + "Variant categories = 2–5 cases; Rare categories = 1 case; C = Client; Bold = Domain; Nonbold = Category.";
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
    private final CaseGrid grid = new CaseGrid(1, "Clients", List.of("C01", "C02", "C03"), List.of(
            new CaseGrid.Line(Kind.DOMAIN, 0, "Antecedents", List.of(), 0, null),
            new CaseGrid.Line(Kind.CATEGORY, 1, "Client felt stuck before therapy", List.of(true, false, true), 2, "Typical"),
            new CaseGrid.Line(Kind.CATEGORY, 2, "Stuck at work", List.of(false, true, false), 1, null)));

    @Test
    void sheetsAreOnePerTableThenOnePerGridInListOrder() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients, therapists), List.of(grid), true)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Table 1", "Table 2", "Grid 1");
        }
    }

    @Test
    void tableSheetHoldsHeadingTitleHeaderRowsAndNoteRowByRow() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients, therapists), List.of(), true)) {
            XSSFSheet sheet = book.getSheet("Table 1");
            assertThat(values(sheet)).containsExactly(
                    List.of("Table 1"),
                    List.of(TITLE_1),
                    List.of("Domain and category", "Frequency", "Cases"),
                    List.of("Antecedents"),
                    List.of("Client felt stuck before therapy", "General", "10"),
                    List.of("Stuck at work", "Typical", "7"),
                    List.of("Client blamed self", "Variant", "3"),
                    List.of("Consequences"),
                    List.of("Client left therapy", "Rare", "1"),
                    List.of(NOTE_1));
            assertThat(sheet.getRow(4).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(10.0);

            assertThat(values(book.getSheet("Table 2"))).containsExactly(
                    List.of("Table 2"),
                    List.of(TITLE_2),
                    List.of("Domain and category", "Frequency", "Cases"),
                    List.of("Therapist reactions"),
                    List.of("Therapist said \"enough,\" then\nwaited", "Typical", "2"),
                    List.of(NOTE_2));
        }
    }

    @Test
    void domainRowsAreBoldAndNoteIsInFirstColumnOfLastRow() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients), List.of(), true)) {
            XSSFSheet sheet = book.getSheet("Table 1");
            assertThat(style(sheet, 0, 0).getFont().getBold()).as("Table n").isTrue();
            assertThat(style(sheet, 1, 0).getFont().getItalic()).as("title").isTrue();
            assertThat(style(sheet, 3, 0).getFont().getBold()).as("domain").isTrue();
            assertThat(style(sheet, 7, 0).getFont().getBold()).as("domain").isTrue();
            assertThat(style(sheet, 4, 0).getFont().getBold()).as("category").isFalse();
            assertThat(style(sheet, 5, 0).getFont().getBold()).as("subcategory").isFalse();
            assertThat(style(sheet, 4, 1).getFont().getBold()).as("label").isFalse();

            int last = sheet.getLastRowNum();
            assertThat(last).isEqualTo(9);
            assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo(NOTE_1);
            assertThat(style(sheet, last, 0).getWrapText()).isTrue();
            assertThat(sheet.getMergedRegions()).containsExactly(new CellRangeAddress(last, last, 0, 2));
            assertThat(sheet.getColumnWidth(0)).isEqualTo(70 * 256);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(14 * 256);
        }
    }

    @Test
    void subcategoryIsIndentedByCellStyleWithCleanText() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients), List.of(), true)) {
            XSSFSheet sheet = book.getSheet("Table 1");
            assertThat(style(sheet, 3, 0).getIndention()).as("domain").isZero();
            assertThat(style(sheet, 4, 0).getIndention()).as("category").isZero();
            assertThat(style(sheet, 5, 0).getIndention()).as("subcategory").isEqualTo((short) 2);
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Stuck at work");
        }
    }

    @Test
    void countsColumnIsWrittenOnlyWithCounts() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients), List.of(), false)) {
            XSSFSheet sheet = book.getSheet("Table 1");
            assertThat(values(sheet).get(2)).containsExactly("Domain and category", "Frequency");
            assertThat(values(sheet).get(4)).containsExactly("Client felt stuck before therapy", "General");
            for (Row row : sheet) {
                assertThat(row.getCell(2)).as("row %d", row.getRowNum()).isNull();
            }
            int last = sheet.getLastRowNum();
            assertThat(sheet.getMergedRegions()).containsExactly(new CellRangeAddress(last, last, 0, 1));
        }
    }

    @Test
    void gridFillsExactlyTheMarkedCasesAndKeepsHeaderAndFirstColumnInView() throws IOException {
        try (XSSFWorkbook book = write(List.of(clients), List.of(grid), true)) {
            XSSFSheet sheet = book.getSheet("Grid 1");
            assertThat(values(sheet)).containsExactly(
                    List.of("Grid 1 — Clients"),
                    List.of("Domain and category", "C01", "C02", "C03", "Cases", "Frequency"),
                    List.of("Antecedents"),
                    List.of("Client felt stuck before therapy", "1", "", "1", "2", "Typical"),
                    List.of("Stuck at work", "", "1", "", "1"));
            assertThat(style(sheet, 0, 0).getFont().getBold()).isTrue();
            assertThat(style(sheet, 2, 0).getFont().getBold()).as("domain").isTrue();
            assertThat(style(sheet, 3, 0).getFont().getBold()).as("category").isFalse();
            assertThat(style(sheet, 4, 0).getIndention()).as("subcategory").isEqualTo((short) 2);

            List<Boolean> c1 = List.of(true, false, true);
            List<Boolean> c2 = List.of(false, true, false);
            for (int c = 0; c < 3; c++) {
                assertThat(filled(sheet, 3, 1 + c)).as("line 1, case %d", c).isEqualTo(c1.get(c));
                assertThat(filled(sheet, 4, 1 + c)).as("line 2, case %d", c).isEqualTo(c2.get(c));
            }
            XSSFCellStyle mark = style(sheet, 3, 1);
            assertThat(mark.getFillForegroundXSSFColor().getRGB()).containsExactly(0x0B, 0x5C, 0xAD);
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1.0);

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getVerticalSplitPosition()).as("frozen columns").isEqualTo((short) 1);
            assertThat(pane.getHorizontalSplitPosition()).as("frozen rows").isEqualTo((short) 2);
        }
    }

    @Test
    void textsWithMarkupAndControlCharactersReadBackAsTheyCanBeShown() throws IOException {
        ResultsTable odd = new ResultsTable(1, "Fears <of> \"change\" & loss", "Clients", 1, List.of(
                domain("Before & after"),
                category(1, "Tab\there, bell\u0007gone, line\r\nbreak", "Rare", 1)), null);
        try (XSSFWorkbook book = write(List.of(odd), List.of(), true)) {
            assertThat(values(book.getSheet("Table 1"))).containsExactly(
                    List.of("Table 1"),
                    List.of("Fears <of> \"change\" & loss"),
                    List.of("Domain and category", "Frequency", "Cases"),
                    List.of("Before & after"),
                    List.of("Tab\there, bellgone, line\r\nbreak", "Rare", "1"));
            assertThat(book.getSheet("Table 1").getMergedRegions()).as("no note, no note row").isEmpty();
        }
    }

    @Test
    void gridLineWithMarksThatDoNotMatchTheCasesIsRefused() {
        CaseGrid broken = new CaseGrid(2, "Clients", List.of("C01", "C02"), List.of(
                new CaseGrid.Line(Kind.CATEGORY, 1, "Short", List.of(true), 1, "Rare")));
        assertThatThrownBy(() -> TableXlsx.write(List.of(), List.of(broken), true, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Short");
    }

    static ResultsTable.Row domain(String text) {
        return new ResultsTable.Row(Kind.DOMAIN, 0, text, null, null);
    }

    static ResultsTable.Row category(int depth, String text, String label, int cases) {
        return new ResultsTable.Row(Kind.CATEGORY, depth, text, label, cases);
    }

    private static XSSFWorkbook write(List<ResultsTable> tables, List<CaseGrid> grids, boolean withCounts)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableXlsx.write(tables, grids, withCounts, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** Every row as its displayed cell values, trailing empty cells dropped. */
    private static List<List<String>> values(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>();
            Row row = sheet.getRow(r);
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                cells.add(formatter.formatCellValue(row.getCell(c)));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static XSSFCellStyle style(XSSFSheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getCellStyle();
    }

    private static boolean filled(XSSFSheet sheet, int row, int column) {
        XSSFCell cell = sheet.getRow(row).getCell(column);
        return cell != null && cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
                && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == 1.0;
    }
}
