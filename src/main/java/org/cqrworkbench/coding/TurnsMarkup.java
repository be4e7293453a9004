package org.cqrworkbench.coding;

import java.util.List;
import org.cqrworkbench.transcript.TranscriptText.Turn;
import org.cqrworkbench.web.Html;

/**
 * The coding page's transcript as HTML, one element per speaker turn, with the offsets the page's script anchors
 * codings on. Written here rather than in the template because a transcript has hundreds of turns and the page is
 * opened all day long: a template loop spends most of the page's time on them, a string builder a fraction of it.
 */
final class TurnsMarkup {

    private TurnsMarkup() {
    }

    static String of(List<Turn> turns) {
        StringBuilder html = new StringBuilder(turns.stream().mapToInt(t -> t.text().length() + 200).sum());
        for (Turn turn : turns) {
            html.append("<div class=\"cturn\" tabindex=\"0\" data-start=\"").append(turn.textStart())
                    .append("\" data-end=\"").append(turn.end()).append("\">\n<span class=\"speaker\">");
            Html.escape(turn.speaker(), html);
            html.append("</span>\n<p class=\"ctext\" data-start=\"").append(turn.textStart())
                    .append("\" data-length=\"").append(turn.text().length()).append("\">");
            Html.escape(turn.text(), html);
            html.append("</p>\n<div class=\"margin\" aria-hidden=\"true\"></div>\n</div>\n");
        }
        return html.toString();
    }
}
