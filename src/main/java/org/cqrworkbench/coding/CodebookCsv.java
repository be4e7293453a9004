package org.cqrworkbench.coding;

import java.util.List;
import org.cqrworkbench.spreadsheet.SpreadsheetRows;
import org.cqrworkbench.web.InvalidInputException;

/** Reads a codebook saved as CSV with the shared spreadsheet reader; a codebook is never longer than this. */
final class CodebookCsv {

    static final int MAX_ROWS = 10_000;

    private CodebookCsv() {
    }

    static List<SpreadsheetRows.Line> read(byte[] content) {
        List<SpreadsheetRows.Line> lines = SpreadsheetRows.read("codebook.csv", content);
        if (lines.size() > MAX_ROWS + 1) {
            throw new InvalidInputException("import.tooManyRows", MAX_ROWS);
        }
        return lines;
    }
}
