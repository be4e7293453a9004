package org.cqrworkbench.transcript;

import java.io.Serializable;

/**
 * A coding whose words no longer occur in a replacing text, described for the person replacing it:
 * its domain, the full coded text, and whose private draft it was (null for the team's consensus).
 */
public record UnplacedCoding(String domain, String text, String draftOf) implements Serializable {

    private static final int FIRST_WORDS = 12;

    public String firstWords() {
        String[] words = text.strip().split("\\s+");
        return words.length <= FIRST_WORDS ? String.join(" ", words)
                : String.join(" ", java.util.Arrays.copyOf(words, FIRST_WORDS)) + " …";
    }
}
