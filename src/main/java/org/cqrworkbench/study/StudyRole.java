package org.cqrworkbench.study;

public enum StudyRole {
    /** Principal investigator: sets the study up, and may do all a judge does. */
    LEAD,
    /** Member of the primary team: codes, writes core ideas, builds the cross-analysis, answers audits. */
    JUDGE,
    /** Reads and comments on every step, never edits the analysis. */
    AUDITOR;

    public boolean mayEditAnalysis() {
        return this != AUDITOR;
    }
}
