package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.transcript.TranscriptText;
import org.junit.jupiter.api.Test;

class TurnsMarkupTest {

    @Test
    void eachTurnCarriesTheOffsetsOfItsWordsAndItsWordsEscaped() {
        String body = "Interviewer: Was it <hard>?\n\nP07: \"Yes\" & no, it's hard.\n\nA note.";
        String html = TurnsMarkup.of(TranscriptText.turns(body));

        int words = body.indexOf("\"Yes\"");
        int end = body.indexOf("\n\nA note");
        assertThat(html).contains("<div class=\"cturn\" tabindex=\"0\" data-start=\"" + words + "\" data-end=\"" + end + "\">")
                .contains("<span class=\"speaker\">P07</span>")
                .contains("<p class=\"ctext\" data-start=\"" + words + "\" data-length=\"" + (end - words) + "\">"
                        + "&quot;Yes&quot; &amp; no, it&#39;s hard.</p>")
                .contains(">Was it &lt;hard&gt;?</p>")
                .contains("<span class=\"speaker\"></span>\n<p class=\"ctext\" data-start=\"" + body.indexOf("A note"));
        assertThat(html.split("class=\"cturn\"", -1)).hasSize(4);
    }

    @Test
    void noTurnsNoMarkup() {
        assertThat(TurnsMarkup.of(List.of())).isEmpty();
    }
}
