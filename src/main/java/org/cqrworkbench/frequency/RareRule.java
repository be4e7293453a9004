package org.cqrworkbench.frequency;

/** Whether the Rare label (2&ndash;3 cases, Variant then starting at 4) is in use. */
public enum RareRule {
    /** Rare only for subsamples larger than 15 cases, as the method recommends. */
    AUTO,
    /** Rare whatever the subsample size. */
    ON,
    /** Never Rare. */
    OFF;

    boolean appliesTo(int n) {
        return this == ON || (this == AUTO && n > 15);
    }
}
