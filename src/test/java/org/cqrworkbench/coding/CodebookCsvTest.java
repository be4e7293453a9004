package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodebookCsvTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKeepTheLineTheyStartOn() {
        List<org.cqrworkbench.spreadsheet.SpreadsheetRows.Line> lines = CodebookCsv.read(("\uFEFFDomain,Definition\r\n"
                + "Event,\"What happened, \"\"as\"\" P saw it\"\r\n"
                + "After,\"Two\nlines\"\r\n"
                + ",\r\n"
                + "Other,last").getBytes(StandardCharsets.UTF_8));
        assertThat(lines).extracting(org.cqrworkbench.spreadsheet.SpreadsheetRows.Line::number).containsExactly(1, 2, 3, 6);
        assertThat(lines.get(0).cells()).containsExactly("Domain", "Definition");
        assertThat(lines.get(1).cells()).containsExactly("Event", "What happened, \"as\" P saw it");
        assertThat(lines.get(2).cell(1)).isEqualTo("Two\nlines");
        assertThat(lines.get(3).cells()).containsExactly("Other", "last");
    }

    @Test
    void aFileThatIsNotUtf8OrLeavesAQuoteOpenIsRefused() {
        assertThatThrownBy(() -> CodebookCsv.read("Domain\nR\u00e9actions".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("import.encoding");
        assertThatThrownBy(() -> CodebookCsv.read("Domain\n\"Event\nAfter".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("import.csv.unclosedQuote");
    }
}
