package org.cqrworkbench.frequency;

import java.util.Objects;

/** The frequency rules a subsample uses; the lead may change them per subsample. */
public record FrequencyRules(GeneralRule generalRule, RareRule rare) {

    /** The published defaults: General = all but one, Rare only when N &gt; 15. */
    public static final FrequencyRules DEFAULT = new FrequencyRules(GeneralRule.ALL_BUT_ONE, RareRule.AUTO);

    public FrequencyRules {
        Objects.requireNonNull(generalRule, "generalRule must not be null");
        Objects.requireNonNull(rare, "rare must not be null");
    }
}
