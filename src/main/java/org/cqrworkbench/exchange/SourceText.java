package org.cqrworkbench.exchange;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The text of a source as another program wrote it, and the same text as the workbench keeps it (no byte-order mark,
 * every line end a single \n), with the way to carry a writer's positions from one to the other.
 */
final class SourceText {

    /** How a writer counts positions in a text. */
    enum Counting {
        /** NVivo: UTF-16 code units, as Java and .NET strings do; an emoji counts 2, CRLF counts 2. */
        UTF16_UNITS,
        /** The REFI-QDA standard: Unicode code points, CRLF counting 2. */
        CODE_POINTS,
        /** ATLAS.ti: code points, with a line end counting 1 however it is written. */
        CODE_POINTS_LINE_END_ONE;

        static Counting of(String origin) {
            String o = origin == null ? "" : origin.toLowerCase(Locale.ROOT);
            if (o.contains("nvivo")) {
                return UTF16_UNITS;
            }
            return o.contains("atlas.ti") ? CODE_POINTS_LINE_END_ONE : CODE_POINTS;
        }
    }

    private final String raw;
    private final String text;
    // Where each UTF-16 position of the raw text lands in the kept text.
    private final int[] kept;
    private int[] rawPoints;
    private int[] textPoints;

    private SourceText(String raw, String text, int[] kept) {
        this.raw = raw;
        this.text = text;
        this.kept = kept;
    }

    static SourceText of(String written) {
        String raw = written.startsWith("\uFEFF") ? written.substring(1) : written;
        StringBuilder text = new StringBuilder(raw.length());
        int[] kept = new int[raw.length() + 1];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            kept[i] = text.length();
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    kept[++i] = text.length();
                }
                text.append('\n');
            } else {
                text.append(c);
            }
        }
        kept[raw.length()] = text.length();
        return new SourceText(raw, text.toString(), kept);
    }

    /** The text as the workbench keeps it. */
    String text() {
        return text;
    }

    /** A writer's position as a UTF-16 offset into the kept text; empty when it lies beyond the text. */
    OptionalInt offset(long position, Counting counting) {
        if (position < 0) {
            return OptionalInt.empty();
        }
        return switch (counting) {
            case UTF16_UNITS -> position > raw.length() ? OptionalInt.empty() : OptionalInt.of(kept[(int) position]);
            case CODE_POINTS -> {
                rawPoints = rawPoints == null ? unitsOfPoints(raw) : rawPoints;
                yield position >= rawPoints.length ? OptionalInt.empty() : OptionalInt.of(kept[rawPoints[(int) position]]);
            }
            case CODE_POINTS_LINE_END_ONE -> {
                textPoints = textPoints == null ? unitsOfPoints(text) : textPoints;
                yield position >= textPoints.length ? OptionalInt.empty() : OptionalInt.of(textPoints[(int) position]);
            }
        };
    }

    /** For each code-point position (and the end), its UTF-16 offset. */
    private static int[] unitsOfPoints(String s) {
        int[] units = new int[s.codePointCount(0, s.length()) + 1];
        int point = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            units[point++] = i;
        }
        units[point] = s.length();
        return units;
    }
}
