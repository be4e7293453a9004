package org.cqrworkbench.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cqrworkbench.web.InvalidInputException;

/**
 * Reads the rows of an uploaded .csv (as Excel writes it) or .xlsx (its first sheet), each row with the
 * line number a person sees in their spreadsheet program.
 */
public final class SpreadsheetRows {

    public record Line(int number, List<String> cells) {

        /** The cell's text without surrounding white space; "" beyond the end of the row. */
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
        }
    }

    public static final int MAX_ROWS = 500_000;

    private SpreadsheetRows() {
    }

    public static List<Line> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw new InvalidInputException("import.empty");
        }
        if (name.endsWith(".csv")) {
            return csv(decodeUtf8(content));
        }
        if (name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        throw new InvalidInputException("import.type");
    }

    private static String decodeUtf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("import.encoding");
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    public static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addLine(lines, recordStart, cells);
                cells = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new InvalidInputException("import.csv.unclosedQuote", recordStart);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addLine(lines, recordStart, cells);
        }
        return lines;
    }

    private static void addLine(List<Line> lines, int number, List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (lines.size() >= MAX_ROWS) {
            throw new InvalidInputException("import.tooManyRows", MAX_ROWS);
        }
        lines.add(new Line(number, List.copyOf(cells)));
    }

    private static List<Line> xlsx(byte[] content) {
        // POI's own limits on zip entries and inflation ratio stay on: a hostile file fails here.
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                addLine(lines, row.getRowNum() + 1, cells);
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("import.xlsx.unreadable");
        }
    }
}
