package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.crossanalysis.Workspace.CaseGroup;
import org.cqrworkbench.crossanalysis.Workspace.CategoryView;
import org.cqrworkbench.crossanalysis.Workspace.GroupRun;
import org.junit.jupiter.api.Test;

class WorkspaceMarkupTest {

    static final String SINGLE_CASE = "single case, not reported";

    @Test
    void aClosedCaseIsWrittenWithItsIdsCodeAndSummaryEscaped() {
        CaseGroup group = new CaseGroup(7, "P<7>", "16 core ideas, 3 not in a category & waiting", 16, 3, false, List.of());

        assertThat(group.closedMarkup()).isEqualTo("<details class=\"case\" data-case=\"7\" data-u=\"3\"><summary>"
                + "<span class=\"case-code\">P&lt;7&gt;</span> <span class=\"hint\">16 core ideas, 3 not in a category &amp; waiting"
                + "</span></summary></details>");
    }

    @Test
    void closedCasesInARowAreWrittenTogetherAndAnOpenOneStandsAlone() {
        CaseGroup p1 = new CaseGroup(1, "P1", "2 core ideas", 2, 0, false, List.of());
        CaseGroup p2 = new CaseGroup(2, "P2", "1 core idea", 1, 1, false, List.of());
        CaseGroup p3 = new CaseGroup(3, "P3", "4 core ideas", 4, 0, true, List.of());
        CaseGroup p4 = new CaseGroup(4, "P4", "3 core ideas", 3, 0, false, List.of());
        Workspace workspace = new Workspace(null, null, List.of(p1, p2, p3, p4), List.of(), 1, 10, true);

        assertThat(workspace.runs()).containsExactly(new GroupRun(null, p1.closedMarkup() + p2.closedMarkup()),
                new GroupRun(p3, null), new GroupRun(null, p4.closedMarkup()));
    }

    @Test
    void aCategorysHeadGivesEditorsAButtonAndOthersItsNameEscaped() {
        CategoryView typical = new CategoryView(12, 3, "Fear & <shame>", "Felt \"small\"", 2, 5L, 4, "4 cases", "Typical",
                "label-typical", 7, "Put the selected core ideas into Fear & <shame>");

        assertThat(typical.head(true, SINGLE_CASE)).isEqualTo("<div class=\"category-head\"><span class=\"key\" aria-hidden=\"true\">3</span>\n"
                + "<button type=\"submit\" form=\"place-form\" name=\"categoryId\" value=\"12\" class=\"category-name link\""
                + " aria-label=\"Put the selected core ideas into Fear &amp; &lt;shame&gt;\">Fear &amp; &lt;shame&gt;</button>\n"
                + "<span class=\"count\">4 cases</span>\n<span class=\"label label-typical\">Typical</span></div>\n"
                + "<p class=\"hint description\">Felt &quot;small&quot;</p>");
        assertThat(typical.head(false, SINGLE_CASE)).isEqualTo("<div class=\"category-head\"><span class=\"key\" aria-hidden=\"true\">3</span>\n"
                + "<span class=\"category-name\">Fear &amp; &lt;shame&gt;</span>\n"
                + "<span class=\"count\">4 cases</span>\n<span class=\"label label-typical\">Typical</span></div>\n"
                + "<p class=\"hint description\">Felt &quot;small&quot;</p>");
        assertThat(typical.styleClass()).isEqualTo("category depth-2");
    }

    @Test
    void aSingleCaseCategoryPastTheNinthSaysWhyItHasNoLabelAndHasNoKey() {
        CategoryView single = new CategoryView(40, 0, "Rare thing", null, 1, null, 1, "1 case", null, null, 0,
                "Put the selected core ideas into Rare thing");

        assertThat(single.head(false, SINGLE_CASE)).isEqualTo("<div class=\"category-head\"><span class=\"category-name\">Rare thing</span>\n"
                + "<span class=\"count\">1 case</span>\n<span class=\"label none\">single case, not reported</span></div>");
        assertThat(single.styleClass()).isEqualTo("category depth-1 single unreported");
    }
}
