package org.cqrworkbench.cases;

/** The steps of the method each case goes through, in order. */
public enum CaseStep {
    DOMAINS_CODED, CORE_IDEAS_DRAFTED, CONSENSUS_REACHED, AUDITED
}
