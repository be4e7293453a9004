package org.cqrworkbench.coding;

import java.util.List;
import org.cqrworkbench.transcript.TranscriptText.Turn;

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
            escape(turn.speaker(), html);
            html.append("</span>\n<p class=\"ctext\" data-start=\"").append(turn.textStart())
                    .append("\" data-length=\"").append(turn.text().length()).append("\">");
            escape(turn.text(), html);
            html.append("</p>\n<div class=\"margin\" aria-hidden=\"true\"></div>\n</div>\n");
        }
        return html.toString();
    }

    /** Escapes as the template's th:text does, copying the runs between special characters whole. */
    private static void escape(String text, StringBuilder html) {
        if (text == null) {
            return;
        }
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                html.append(text, copied, i).append(entity);
                copied = i + 1;
            }
        }
        html.append(text, copied, text.length());
    }
}
