package org.cqrworkbench.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How transcript text is normalised and laid out as speaker turns. Offsets of turns point into the
 * stored text, so later features can anchor codings on them.
 */
public final class TranscriptText {

    /** A turn: its speaker label if it starts with one ("Interviewer:"), the words after it, and where it sits. */
    public record Turn(String speaker, String text, int start, int end) {

        /** Where the words start, after the speaker label. */
        public int textStart() {
            return end - text.length();
        }
    }

    // A speaker label is a short name at the start of a paragraph followed by a colon: "P07:", "Interviewer:".
    private static final Pattern SPEAKER = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N} .'’-]{0,38}):[ \\t]+");

    private TranscriptText() {
    }

    /** Line ends become \n and a leading byte-order mark goes; nothing else changes. */
    public static String normalise(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Paragraphs separated by blank lines are turns; a single line break stays inside its turn. A blank line is
     * a line break, then only white space up to the last line break of that white space, as the pattern
     * "\\n\\s*\\n" would find it. Scanned by hand because the coding page lays out a whole transcript on every
     * load, and a regular expression tried at every position costs more than the rest of the page.
     */
    public static List<Turn> turns(String body) {
        List<Turn> turns = new ArrayList<>();
        int start = 0;
        int at = body.indexOf('\n');
        while (at >= 0) {
            int lastBreak = -1;
            int after = at + 1;
            while (after < body.length() && isWhitespace(body.charAt(after))) {
                if (body.charAt(after) == '\n') {
                    lastBreak = after;
                }
                after++;
            }
            if (lastBreak < 0) {
                at = body.indexOf('\n', after);
                continue;
            }
            addTurn(turns, body, start, at);
            start = lastBreak + 1;
            at = body.indexOf('\n', start);
        }
        addTurn(turns, body, start, body.length());
        return turns;
    }

    /** The characters \\s stands for in a regular expression. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void addTurn(List<Turn> turns, String body, int start, int end) {
        String paragraph = body.substring(start, end);
        if (paragraph.isBlank()) {
            return;
        }
        Matcher label = SPEAKER.matcher(paragraph);
        if (label.find()) {
            turns.add(new Turn(label.group(1), paragraph.substring(label.end()), start, end));
        } else {
            turns.add(new Turn(null, paragraph, start, end));
        }
    }

    /**
     * Where the span [start, end) of the old text sits in the new text: the occurrence of its words nearest
     * to the same relative position, so a phrase the participant repeats keeps to its own place. Empty when
     * the words no longer occur at all.
     */
    public static OptionalInt relocate(String oldBody, String newBody, int start, int end) {
        if (start < 0 || end <= start || end > oldBody.length()) {
            return OptionalInt.empty();
        }
        String words = oldBody.substring(start, end);
        if (oldBody.equals(newBody)) {
            return OptionalInt.of(start);
        }
        long expected = Math.round((double) start / oldBody.length() * newBody.length());
        int best = -1;
        for (int at = newBody.indexOf(words); at >= 0; at = newBody.indexOf(words, at + 1)) {
            if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) {
                best = at;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    public static int wordCount(String body) {
        String trimmed = body.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
