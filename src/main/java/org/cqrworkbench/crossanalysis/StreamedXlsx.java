package org.cqrworkbench.crossanalysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An .xlsx workbook whose rows are written straight into the file as it goes out, never held as cell objects: a case
 * grid of hundreds of cases by hundreds of categories would take tens of megabytes as POI cells. POI still makes
 * everything around the rows (styles, column widths, frozen panes, merged cells); only each sheet's row data is ours.
 * <p>
 * POI's own streaming workbook does the same, but measures a character with the system's fonts for every sheet it
 * makes, for column auto-sizing we never use: that loads the whole font machinery of the JDK, some megabytes of memory
 * the server then keeps for good.
 * <p>
 * The rows are written after the rest of the workbook, styles included: every style the rows use must be made before
 * {@link #write}.
 */
final class StreamedXlsx {

    /** Writes one sheet's rows, when the file gets to that sheet. */
    interface Rows {
        void write(RowWriter rows) throws IOException;
    }

    private static final String EMPTY_SHEET_DATA = "<sheetData/>";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Map<String, Rows> rowsByEntry = new HashMap<>();

    XSSFWorkbook workbook() {
        return workbook;
    }

    /** A sheet to set widths, panes and merged cells on; its rows come from {@code rows} alone. */
    XSSFSheet createSheet(String name, Rows rows) {
        XSSFSheet sheet = workbook.createSheet(name);
        rowsByEntry.put(sheet.getPackagePart().getPartName().getName().substring(1), rows);
        return sheet;
    }

    /** Writes the workbook; {@code out} stays open. */
    void write(OutputStream out) throws IOException {
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
        workbook.write(skeleton);
        int styles = workbook.getNumCellStyles();
        workbook.close();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(skeleton.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                })) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                Rows rows = rowsByEntry.get(entry.getName());
                if (rows == null) {
                    in.transferTo(zip);
                } else {
                    writeSheet(entry.getName(), new String(in.readAllBytes(), UTF_8), rows, styles, zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static void writeSheet(String name, String skeleton, Rows rows, int styles, OutputStream zip)
            throws IOException {
        int at = skeleton.indexOf(EMPTY_SHEET_DATA);
        if (at < 0) {
            throw new IllegalStateException(name + " has no empty sheet data to fill");
        }
        Writer xml = new BufferedWriter(new OutputStreamWriter(zip, UTF_8), 1 << 16);
        xml.write(skeleton, 0, at);
        xml.write("<sheetData>");
        RowWriter writer = new RowWriter(xml, styles);
        rows.write(writer);
        writer.endRow();
        xml.write("</sheetData>");
        xml.write(skeleton, at + EMPTY_SHEET_DATA.length(), skeleton.length() - at - EMPTY_SHEET_DATA.length());
        // Flushed, not closed: closing would close the zip.
        xml.flush();
    }

    /** Rows in order, each row's cells left to right; a row is ended by the next one or by the end of the sheet. */
    static final class RowWriter {

        private final Writer xml;
        private final int styles;
        private int row = -1;
        private int column = -1;
        private boolean open;

        private RowWriter(Writer xml, int styles) {
            this.xml = xml;
            this.styles = styles;
        }

        RowWriter row(int index) throws IOException {
            return row(index, 0);
        }

        /** A row of a set height in points (0: the sheet's default). */
        RowWriter row(int index, float heightPoints) throws IOException {
            if (index <= row) {
                throw new IllegalArgumentException("Row " + index + " comes after row " + row);
            }
            endRow();
            row = index;
            column = -1;
            open = true;
            xml.write("<row r=\"" + (index + 1) + "\"");
            if (heightPoints > 0) {
                xml.write(" ht=\"" + heightPoints + "\" customHeight=\"1\"");
            }
            xml.write('>');
            return this;
        }

        /** A text cell; a null text leaves the cell empty but styled. */
        RowWriter text(int columnIndex, String value, CellStyle style) throws IOException {
            if (value != null && value.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()) {
                throw new IllegalArgumentException("A cell holds at most " + SpreadsheetVersion.EXCEL2007.getMaxTextLength()
                        + " characters");
            }
            startCell(columnIndex, style, value == null ? null : "inlineStr");
            if (value == null) {
                xml.write("/>");
            } else {
                xml.write("><is><t xml:space=\"preserve\">");
                escape(value);
                xml.write("</t></is></c>");
            }
            return this;
        }

        RowWriter number(int columnIndex, long value, CellStyle style) throws IOException {
            startCell(columnIndex, style, null);
            xml.write("><v>" + value + "</v></c>");
            return this;
        }

        private void startCell(int columnIndex, CellStyle style, String type) throws IOException {
            if (!open || columnIndex <= column) {
                throw new IllegalArgumentException("Cell " + columnIndex + " is out of order in row " + row);
            }
            if (style.getIndex() >= styles) {
                throw new IllegalStateException("A style was made after the workbook's styles were written");
            }
            column = columnIndex;
            xml.write("<c r=\"" + CellReference.convertNumToColString(columnIndex) + (row + 1) + "\" s=\""
                    + style.getIndex() + "\"");
            if (type != null) {
                xml.write(" t=\"" + type + "\"");
            }
        }

        private void endRow() throws IOException {
            if (open) {
                xml.write("</row>");
                open = false;
            }
        }

        /** XML text; characters XML 1.0 cannot hold at all (other control characters) are left out. */
        private void escape(String text) throws IOException {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> xml.write("&lt;");
                    case '>' -> xml.write("&gt;");
                    case '&' -> xml.write("&amp;");
                    case '\t', '\n' -> xml.write(c);
                    case '\r' -> xml.write("&#13;");
                    default -> {
                        if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                            xml.write(c);
                        }
                    }
                }
            }
        }
    }
}
