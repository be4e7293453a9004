package org.cqrworkbench.crossanalysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * Writes results tables as a Word document in APA style: "Table n" in bold, the title in italic,
 * horizontal rules only above and below the headings and under the body, and the note as the table's last row.
 */
final class TableDocx {

    static final String FONT = "Times New Roman";
    static final int FONT_SIZE = 12;
    static final int INDENT_TWIPS_PER_LEVEL = 360;

    // Fixed widths in twips, summing to 9000 so the table fits both US Letter and A4 with 1-inch margins.
    private static final int TOTAL_WIDTH = 9000;
    private static final int LABEL_WIDTH = 1440;
    private static final int COUNT_WIDTH = 1080;
    // Half-point border size 4 = 1/2 pt, the usual weight of an APA rule.
    private static final int RULE_SIZE = 4;

    private TableDocx() {
    }

    static void write(List<ResultsTable> tables, boolean withCounts, OutputStream out) {
        try (XWPFDocument document = new XWPFDocument()) {
            boolean first = true;
            for (ResultsTable table : tables) {
                writeTable(document, table, withCounts, !first);
                first = false;
            }
            document.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results document", e);
        }
    }

    private static void writeTable(XWPFDocument document, ResultsTable table, boolean withCounts, boolean newPage) {
        XWPFParagraph heading = document.createParagraph();
        if (newPage) {
            heading.setPageBreak(true);
        }
        run(heading, table.heading()).setBold(true);
        run(document.createParagraph(), table.title()).setItalic(true);

        int[] widths = columnWidths(withCounts);
        List<ResultsTable.Row> rows = table.rows();
        boolean hasNote = table.note() != null && !table.note().isBlank();
        XWPFTable grid = document.createTable(1 + rows.size() + (hasNote ? 1 : 0), widths.length);
        layOut(grid, widths);

        XWPFTableRow header = grid.getRow(0);
        header.setRepeatHeader(true);
        fill(header.getCell(0), TableXlsx.TEXT_HEADER, false, 0);
        fill(header.getCell(1), TableXlsx.LABEL_HEADER, false, 0);
        if (withCounts) {
            fill(header.getCell(2), TableXlsx.COUNT_HEADER, false, 0);
        }
        ruleBelow(header);

        for (int i = 0; i < rows.size(); i++) {
            writeRow(grid.getRow(1 + i), rows.get(i), withCounts);
        }
        // The closing rule goes under the body, above the note, whether or not the body has rows.
        ruleBelow(grid.getRow(rows.size()));
        if (hasNote) {
            writeNote(grid.getRow(1 + rows.size()), table.note(), widths.length);
        }
    }

    private static void writeRow(XWPFTableRow line, ResultsTable.Row row, boolean withCounts) {
        int indent = INDENT_TWIPS_PER_LEVEL * Math.max(0, row.depth() - 1);
        fill(line.getCell(0), row.text(), row.isDomain(), indent);
        if (row.isDomain()) {
            return;
        }
        fill(line.getCell(1), row.label(), false, 0);
        if (withCounts && row.cases() != null) {
            fill(line.getCell(2), String.valueOf(row.cases()), false, 0)
                    .setAlignment(ParagraphAlignment.CENTER);
        }
    }

    /** One cell spanning the table, so the note wraps under the whole table as APA prints it. */
    private static void writeNote(XWPFTableRow row, String note, int columns) {
        for (int c = columns - 1; c > 0; c--) {
            row.removeCell(c);
        }
        XWPFTableCell cell = row.getCell(0);
        CTTcPr properties = tcPr(cell);
        properties.addNewGridSpan().setVal(BigInteger.valueOf(columns));
        properties.getTcW().setW(BigInteger.valueOf(TOTAL_WIDTH));

        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        String rest = note.startsWith("Note.") ? note.substring("Note.".length()).stripLeading() : note;
        run(paragraph, "Note.").setItalic(true);
        run(paragraph, " " + rest);
    }

    private static int[] columnWidths(boolean withCounts) {
        return withCounts
                ? new int[] {TOTAL_WIDTH - LABEL_WIDTH - COUNT_WIDTH, LABEL_WIDTH, COUNT_WIDTH}
                : new int[] {TOTAL_WIDTH - LABEL_WIDTH, LABEL_WIDTH};
    }

    /** Only the rule above the headings belongs to the table; the others are drawn per row. */
    private static void layOut(XWPFTable table, int[] widths) {
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TOTAL_WIDTH));
        table.setTopBorder(XWPFBorderType.SINGLE, RULE_SIZE, 0, "000000");
        table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");

        CTTblGrid grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(String.valueOf(widths[c]));
            }
        }
    }

    private static void ruleBelow(XWPFTableRow row) {
        for (XWPFTableCell cell : row.getTableCells()) {
            CTTcPr properties = tcPr(cell);
            CTTcBorders borders = properties.isSetTcBorders() ? properties.getTcBorders() : properties.addNewTcBorders();
            CTBorder bottom = borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom();
            bottom.setVal(STBorder.SINGLE);
            bottom.setSz(BigInteger.valueOf(RULE_SIZE));
            bottom.setSpace(BigInteger.ZERO);
            bottom.setColor("000000");
        }
    }

    private static XWPFParagraph fill(XWPFTableCell cell, String text, boolean bold, int indentTwips) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.LEFT);
        paragraph.setSpacingAfter(0);
        if (indentTwips > 0) {
            paragraph.setIndentationLeft(indentTwips);
        }
        if (text != null) {
            run(paragraph, text).setBold(bold);
        }
        return paragraph;
    }

    /** Line breaks inside a category text become real breaks, not characters Word would drop. */
    private static XWPFRun run(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(FONT_SIZE);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return run;
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }
}
