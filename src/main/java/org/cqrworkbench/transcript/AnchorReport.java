package org.cqrworkbench.transcript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What replacing a transcript does to the codings anchored in it, written by the coding module while it
 * handles {@link TranscriptReplacementPreview} or {@link TranscriptReplaced}.
 */
public final class AnchorReport {

    private int codings;
    private final List<UnplacedCoding> unplaced = new ArrayList<>();

    public void placed() {
        codings++;
    }

    public void unplaced(UnplacedCoding coding) {
        codings++;
        unplaced.add(coding);
    }

    /** Every coding of the case, placed or not. */
    public int codings() {
        return codings;
    }

    public List<UnplacedCoding> unplaced() {
        return Collections.unmodifiableList(unplaced);
    }
}
