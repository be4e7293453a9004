package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.cqrworkbench.crossanalysis.ResultsTable.Row;
import org.junit.jupiter.api.Test;

class TableRowsMarkupTest {

    @Test
    void rowsAreWrittenWithTheirClassTextAndLabelEscaped() {
        ResultsTable table = new ResultsTable(1, "Title", "All", 10, List.of(
                new Row(Kind.DOMAIN, 0, "Events & <reactions>", null, null),
                new Row(Kind.CATEGORY, 1, "Cried \"openly\"", "Typical", 7),
                new Row(Kind.CATEGORY, 2, "Client's tears", "Variant", 3)), "Note. N = 10");

        assertThat(TableRowsMarkup.of(table)).isEqualTo("""
                <tr class="domain-row"><td>Events &amp; &lt;reactions&gt;</td><td></td></tr>
                <tr class="depth-1"><td>Cried &quot;openly&quot;</td><td>Typical</td></tr>
                <tr class="depth-2"><td>Client&#39;s tears</td><td>Variant</td></tr>
                """);
    }

    @Test
    void aTableWithoutRowsHasNoMarkup() {
        assertThat(TableRowsMarkup.of(new ResultsTable(1, "Title", "All", 0, List.of(), "Note. N = 0"))).isEmpty();
    }
}
