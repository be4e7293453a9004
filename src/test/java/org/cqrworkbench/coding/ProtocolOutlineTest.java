package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.coding.ProtocolOutline.Entry;
import org.junit.jupiter.api.Test;

class ProtocolOutlineTest {

    @Test
    void indentedBulletedAndNumberedLinesAreSubdomainsWithTheirMarkersStripped() {
        List<Entry> entries = ProtocolOutline.parse("""
                Antecedents
                  Context of the session
                \t- Earlier tears
                The event
                * What the client said
                1. What P felt
                2.3 What P did

                Consequences
                """);
        assertThat(entries).containsExactly(
                new Entry(1, "Antecedents", false),
                new Entry(2, "Context of the session", true),
                new Entry(3, "Earlier tears", true),
                new Entry(4, "The event", false),
                new Entry(5, "What the client said", true),
                new Entry(6, "What P felt", true),
                new Entry(7, "What P did", true),
                new Entry(9, "Consequences", false));
    }

    @Test
    void aBulletBeforeAnyHeadingStartsTheListAndLoneMarkersAreIgnored() {
        assertThat(ProtocolOutline.parse("- Antecedents\r\n-\r\n   \r\n  - Context\r\n Event"))
                .containsExactly(new Entry(1, "Antecedents", false), new Entry(4, "Context", true), new Entry(5, "Event", false));
    }

    @Test
    void numbersThatAreNotMarkersStayInTheName() {
        assertThat(ProtocolOutline.parse("2020 and after")).containsExactly(new Entry(1, "2020 and after", false));
    }
}
