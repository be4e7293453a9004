package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.crossanalysis.Workspace.CaseGroup;
import org.junit.jupiter.api.Test;

class WorkspaceMarkupTest {

    @Test
    void aClosedCaseIsWrittenWithItsIdsCodeAndSummaryEscaped() {
        CaseGroup group = new CaseGroup(7, "P<7>", "16 core ideas, 3 not in a category & waiting", 16, 3, false, List.of());

        assertThat(group.closedMarkup()).isEqualTo("<details class=\"case\" data-case=\"7\" data-u=\"3\"><summary>"
                + "<span class=\"case-code\">P&lt;7&gt;</span> <span class=\"hint\">16 core ideas, 3 not in a category &amp; waiting"
                + "</span></summary></details>");
    }
}
