package org.cqrworkbench.coding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cqrworkbench.web.InvalidInputException;

/**
 * Reads a codebook saved as CSV (UTF-8 with or without a byte order mark, RFC 4180 quoting), each row with the
 * line number a person sees in their spreadsheet program. The cross-analysis import has its own reader, but that
 * module depends on this one, and a codebook needs no more than these few lines.
 */
final class CodebookCsv {

    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
        }
    }

    static final int MAX_ROWS = 10_000;

    private CodebookCsv() {
    }

    static List<Line> read(byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("import.empty");
        }
        return parse(decodeUtf8(content));
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

    /** Quoted fields may hold commas, doubled quotes and line breaks; blank rows are left out. */
    static List<Line> parse(String text) {
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
                    line += ch == '\n' ? 1 : 0;
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
                add(lines, recordStart, cells);
                cells = new ArrayList<>();
                recordStart = ++line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new InvalidInputException("import.csv.unclosedQuote", recordStart);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(lines, recordStart, cells);
        }
        return lines;
    }

    private static void add(List<Line> lines, int number, List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (lines.size() > MAX_ROWS) {
            throw new InvalidInputException("import.tooManyRows", MAX_ROWS);
        }
        lines.add(new Line(number, List.copyOf(cells)));
    }
}
