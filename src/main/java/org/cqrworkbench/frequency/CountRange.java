package org.cqrworkbench.frequency;

import java.util.Objects;

/** An inclusive range of case counts carrying one label. Never starts below 2: single-case categories are not reported. */
public record CountRange(FrequencyLabel label, int from, int to) {

    public CountRange {
        Objects.requireNonNull(label, "label must not be null");
        if (from < 2) {
            throw new IllegalArgumentException("A range must start at 2 cases or more, got " + from);
        }
        if (from > to) {
            throw new IllegalArgumentException("A range must not be empty, got " + from + "–" + to);
        }
    }

    public boolean contains(int count) {
        return from <= count && count <= to;
    }
}
