package org.cqrworkbench.frequency;

/** CQR frequency labels, highest first: the declaration order is the precedence when ranges overlap. */
public enum FrequencyLabel {
    GENERAL("General"),
    TYPICAL("Typical"),
    VARIANT("Variant"),
    RARE("Rare");

    private final String displayName;

    FrequencyLabel(String displayName) {
        this.displayName = displayName;
    }

    /** The label as printed in results tables, e.g. "General". */
    public String displayName() {
        return displayName;
    }
}
