package org.cqrworkbench.cases;

/** How a case is coded into domains. */
public enum CodingMode {
    /** The team codes together: codings go straight into the consensus version. */
    TOGETHER,
    /** Each judge codes in a private draft first; the team then builds the consensus from the drafts. */
    INDEPENDENT
}
