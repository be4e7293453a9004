package org.cqrworkbench.crossanalysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes results tables (one sheet each, "Table 1", ...) and case grids ("Grid 1", ...) as an .xlsx workbook,
 * laid out the way an APA table is printed so the sheet can be pasted into a manuscript as it is.
 */
final class TableXlsx {

    static final String TEXT_HEADER = "Domain and category";
    static final String LABEL_HEADER = "Frequency";
    static final String COUNT_HEADER = "Cases";

    /** The grid's "case contributed" fill: a calm blue that still prints as a clear dark square in greyscale. */
    static final byte[] MARK_RGB = {(byte) 0x0B, (byte) 0x5C, (byte) 0xAD};

    private static final int TEXT_WIDTH_CHARS = 70;
    private static final int LABEL_WIDTH_CHARS = 14;
    private static final int COUNT_WIDTH_CHARS = 8;
    private static final int INDENT_PER_LEVEL = 2;
    /** A new workbook's default row height: Calibri 11 at 15 points. */
    private static final float DEFAULT_ROW_HEIGHT_POINTS = 15;

    private TableXlsx() {
    }

    static void write(List<ResultsTable> tables, List<CaseGrid> grids, boolean withCounts, OutputStream out) {
        // Streaming: a grid of 600 cases by hundreds of categories is written row by row, not held in memory.
        StreamedXlsx workbook = new StreamedXlsx();
        Styles styles = new Styles(workbook.workbook());
        for (ResultsTable table : tables) {
            addTable(workbook, table, withCounts, styles);
        }
        for (CaseGrid grid : grids) {
            addGrid(workbook, grid, styles);
        }
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results workbook", e);
        }
    }

    static String gridHeading(CaseGrid grid) {
        return "Grid " + grid.number();
    }

    private static void addTable(StreamedXlsx workbook, ResultsTable table, boolean withCounts, Styles styles) {
        int columns = withCounts ? 3 : 2;
        int noteRow = 3 + table.rows().size();
        boolean withNote = table.note() != null && !table.note().isBlank();
        // The workbook's styles are written before any row: each one the rows use is made now.
        table.rows().forEach(row -> styles.text(row.isDomain(), indentOf(row.depth())));
        Sheet sheet = workbook.createSheet(table.heading(), rows -> {
            rows.row(0).text(0, table.heading(), styles.bold);
            rows.row(1).text(0, table.title(), styles.italic);

            // APA rules: a line above and below the column headings, none between the body rows.
            rows.row(2).text(0, TEXT_HEADER, styles.header).text(1, LABEL_HEADER, styles.header);
            if (withCounts) {
                rows.text(2, COUNT_HEADER, styles.header);
            }

            int r = 3;
            for (ResultsTable.Row row : table.rows()) {
                rows.row(r++).text(0, row.text(), styles.text(row.isDomain(), indentOf(row.depth())));
                if (!row.isDomain()) {
                    rows.text(1, row.label(), styles.plain);
                    if (withCounts && row.cases() != null) {
                        rows.number(2, row.cases(), styles.plain);
                    }
                }
            }
            if (withNote) {
                rows.row(noteRow, noteHeight(table.note(), columns)).text(0, table.note(), styles.note);
            }
        });
        sheet.setColumnWidth(0, TEXT_WIDTH_CHARS * 256);
        sheet.setColumnWidth(1, LABEL_WIDTH_CHARS * 256);
        if (withCounts) {
            sheet.setColumnWidth(2, COUNT_WIDTH_CHARS * 256);
        }
        // The note is one long sentence: it spans the table's width and wraps, as it does under a printed table.
        if (withNote) {
            sheet.addMergedRegion(new CellRangeAddress(noteRow, noteRow, 0, columns - 1));
        }
    }

    /** Spreadsheet programs do not grow a merged row to fit wrapped text, so the note's row is sized here. */
    private static float noteHeight(String note, int columns) {
        int widthChars = TEXT_WIDTH_CHARS + LABEL_WIDTH_CHARS + (columns > 2 ? COUNT_WIDTH_CHARS : 0);
        int lines = Math.max(1, (note.length() + widthChars - 1) / widthChars);
        return lines * DEFAULT_ROW_HEIGHT_POINTS;
    }

    private static void addGrid(StreamedXlsx workbook, CaseGrid grid, Styles styles) {
        List<String> cases = grid.caseCodes();
        int countColumn = 1 + cases.size();
        int labelColumn = countColumn + 1;
        // Checked before anything is written, so a refused grid leaves no half-written file behind.
        for (CaseGrid.Line line : grid.lines()) {
            boolean domain = line.kind() == ResultsTable.Kind.DOMAIN;
            if (!domain) {
                checkMarks(line, cases.size());
            }
            // The workbook's styles are written before any row: each one the rows use is made now.
            styles.text(domain, indentOf(line.depth()));
        }
        Sheet sheet = workbook.createSheet(gridHeading(grid), rows -> {
            rows.row(0).text(0, gridHeading(grid) + " — " + grid.subsampleName(), styles.bold);
            rows.row(1).text(0, TEXT_HEADER, styles.header);
            for (int c = 0; c < cases.size(); c++) {
                rows.text(1 + c, cases.get(c), styles.caseHeader);
            }
            rows.text(countColumn, COUNT_HEADER, styles.header).text(labelColumn, LABEL_HEADER, styles.header);

            int r = 2;
            for (CaseGrid.Line line : grid.lines()) {
                boolean domain = line.kind() == ResultsTable.Kind.DOMAIN;
                rows.row(r++).text(0, line.text(), styles.text(domain, indentOf(line.depth())));
                if (!domain) {
                    // Only marked squares get a cell: hundreds of thousands of empty styled cells made the export slow.
                    List<Boolean> marks = line.marks();
                    for (int c = 0; c < cases.size(); c++) {
                        if (Boolean.TRUE.equals(marks.get(c))) {
                            rows.number(1 + c, 1, styles.mark);
                        }
                    }
                    rows.number(countColumn, line.cases(), styles.plain).text(labelColumn, line.label(), styles.plain);
                }
            }
        });
        sheet.setColumnWidth(0, TEXT_WIDTH_CHARS * 256);
        for (int c = 0; c < cases.size(); c++) {
            sheet.setColumnWidth(1 + c, Math.max(4, cases.get(c).length() + 2) * 256);
        }
        sheet.setColumnWidth(countColumn, COUNT_WIDTH_CHARS * 256);
        sheet.setColumnWidth(labelColumn, LABEL_WIDTH_CHARS * 256);
        // Auditors scroll across many cases and down many categories: keep codes and category names in view.
        sheet.createFreezePane(1, 2);
    }

    /** A grid whose marks do not line up with its case columns would mislead an audit: refuse it. */
    private static void checkMarks(CaseGrid.Line line, int caseCount) {
        List<Boolean> marks = line.marks();
        if (marks == null || marks.size() != caseCount) {
            throw new IllegalArgumentException("Line \"" + line.text() + "\" has "
                    + (marks == null ? 0 : marks.size()) + " marks for " + caseCount + " cases");
        }
    }

    /** Domains and depth-1 categories sit at the margin (bold tells them apart); subcategories step in. */
    static int indentOf(int depth) {
        return Math.max(0, depth - 1) * INDENT_PER_LEVEL;
    }

    /** Styles are workbook-wide and limited in number, so each distinct look is made once and reused. */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        private final XSSFFont boldFont;
        private final Map<String, CellStyle> textStyles = new HashMap<>();
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle italic;
        final CellStyle header;
        final CellStyle caseHeader;
        final CellStyle note;
        final CellStyle mark;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            boldFont = workbook.createFont();
            boldFont.setBold(true);
            XSSFFont italicFont = workbook.createFont();
            italicFont.setItalic(true);

            plain = workbook.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            bold = derived(plain);
            bold.setFont(boldFont);
            italic = derived(plain);
            italic.setFont(italicFont);

            header = derived(plain);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderBottom(BorderStyle.THIN);
            caseHeader = derived(header);
            caseHeader.setAlignment(HorizontalAlignment.CENTER);

            note = derived(plain);
            note.setWrapText(true);

            mark = markStyle();
        }

        CellStyle text(boolean domain, int indent) {
            return textStyles.computeIfAbsent(domain + "/" + indent, key -> {
                CellStyle style = derived(plain);
                // Wrap so long category texts (and any line breaks in them) stay inside the wide first column.
                style.setWrapText(true);
                style.setIndention((short) indent);
                if (domain) {
                    style.setFont(boldFont);
                }
                return style;
            });
        }

        private XSSFCellStyle markStyle() {
            XSSFCellStyle style = (XSSFCellStyle) derived(plain);
            style.setFillForegroundColor(new XSSFColor(MARK_RGB, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(HorizontalAlignment.CENTER);
            // The 1 is there for sums and filters; white keeps it from cluttering the blue square.
            XSSFFont white = workbook.createFont();
            white.setColor(IndexedColors.WHITE.getIndex());
            style.setFont(white);
            gridBorders(style);
            return style;
        }

        private static void gridBorders(CellStyle style) {
            style.setBorderTop(BorderStyle.HAIR);
            style.setBorderBottom(BorderStyle.HAIR);
            style.setBorderLeft(BorderStyle.HAIR);
            style.setBorderRight(BorderStyle.HAIR);
        }

        private CellStyle derived(CellStyle base) {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            return style;
        }
    }
}
