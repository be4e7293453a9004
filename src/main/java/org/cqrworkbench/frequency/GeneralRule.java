package org.cqrworkbench.frequency;

/** Where General starts: teams with small subsamples often tighten it to "all cases". */
public enum GeneralRule {
    /** General = found in all cases or all but one (c &ge; N &minus; 1); the published default. */
    ALL_BUT_ONE,
    /** General = found in every case (c = N). */
    ALL
}
