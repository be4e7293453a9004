package org.cqrworkbench.overview;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.coding.CodingProgress.CaseProgress;
import org.cqrworkbench.coding.CodingProgress.Square;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.web.Html;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * The markup of the study page's two case-by-case pictures: the strip of cases with and without a transcript, and the
 * rows of the domain coding grid. A large study has thousands of cells; an expression or two for each of them in the
 * template, and a message looked up for each square, took most of the page's time. Here each distinct square is
 * formatted once and the rest is string building; every text is escaped.
 *
 * <p>A square is a cell whose class gives its shade and whose short text (how many codings, what share of the text)
 * only screen readers read; they take the case and the domain from the table's headers. No cell carries a tooltip:
 * app.js makes one from the headers when the pointer reaches it.
 *
 * @param meter the strip's squares, one per case, marked done when the case has a transcript
 * @param rows  the grid's rows, one per case: its code as row header, a square per domain, its state, a cell per step
 */
record ProgressGrid(String meter, String rows) {

    /**
     * The tick as a character reference: the rows then hold only characters of one byte each, which Java keeps and
     * encodes as bytes; a single "✓" in them makes every character two bytes wide.
     */
    private static final String STEP_DONE = "<td class=\"step done\">&#10003;</td>";
    private static final String STEP_OPEN = "<td class=\"step\"></td>";

    /**
     * @param casesPath the path of the study's cases, ending in "/", to which a case's code and "/coding" are added
     */
    static ProgressGrid of(String casesPath, List<CaseCode> cases, List<Domain> domains, Map<Long, CaseProgress> progress,
            Map<Long, Set<CaseStep>> steps, MessageSource messages, Locale locale) {
        // Squares repeat (the same shade, count and share): each distinct one is formatted once, by a format of this
        // page's own, as the message source's shared one is locked for each use. They are kept by a number, whose
        // low bits differ for every square a study can have: with the squares themselves as keys, the records' generated
        // equals took half the page's time, and a number whose hash mixed the share into the count collided.
        Map<Long, String> squares = new HashMap<>();
        MessageFormat squareText = new MessageFormat(messages.getMessage("overview.square", null, locale), locale);
        String noTranscript = note(messages.getMessage("overview.state.noTranscript", null, locale), "hint");
        String consensus = note(messages.getMessage("overview.state.consensus", null, locale), "badge");
        String notStarted = note(messages.getMessage("overview.state.notStarted", null, locale), "hint");
        StringBuilder meter = new StringBuilder(cases.size() * 48);
        StringBuilder rows = new StringBuilder(cases.size() * (domains.size() + 8) * 48);
        for (CaseCode studyCase : cases) {
            CaseProgress p = progress.get(studyCase.id());
            String code = Html.escape(studyCase.code());
            meter.append(p.transcriptLength() == null ? "<span class=\"cell\" title=\"" : "<span class=\"cell done\" title=\"")
                    .append(code).append("\"></span>");
            rows.append("<tr id=\"progress-").append(code).append("\"><th scope=\"row\"><a href=\"")
                    .append(Html.escape(casesPath + UriUtils.encodePathSegment(studyCase.code(), StandardCharsets.UTF_8)))
                    .append("/coding\">").append(code).append("</a></th>");
            for (Domain domain : domains) {
                Square square = p.square(domain.getId());
                long key = ((long) square.count() << 10) | (square.wholePercent() << 3) | square.level();
                String markup = squares.get(key);
                if (markup == null) {
                    markup = "<td class=\"lvl-" + square.level() + "\"><span>"
                            + Html.escape(squareText.format(new Object[] {square.count(), square.wholePercent() + "%"}))
                            + "</span></td>";
                    squares.put(key, markup);
                }
                rows.append(markup);
            }
            rows.append("<td class=\"state\">");
            if (p.transcriptLength() == null) {
                rows.append(noTranscript);
            } else {
                if (p.drafts() > 0) {
                    rows.append(note(messages.getMessage("overview.state.drafts", new Object[] {p.draftsDone(), p.drafts()}, locale),
                            null));
                }
                if (p.hasConsensus()) {
                    rows.append(consensus);
                }
                if (p.drafts() == 0 && !p.hasConsensus()) {
                    rows.append(notStarted);
                }
            }
            rows.append("</td>");
            Set<CaseStep> passed = steps.getOrDefault(studyCase.id(), Set.of());
            for (CaseStep step : CaseStep.values()) {
                rows.append(passed.contains(step) ? STEP_DONE : STEP_OPEN);
            }
            rows.append("</tr>\n");
        }
        return new ProgressGrid(meter.toString(), rows.toString());
    }

    /** A word of the state column, followed by a space so that the next one reads apart from it. */
    private static String note(String text, String style) {
        return (style == null ? "<span>" : "<span class=\"" + style + "\">") + Html.escape(text) + "</span> ";
    }
}
