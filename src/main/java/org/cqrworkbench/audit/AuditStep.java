package org.cqrworkbench.audit;

/** The steps of the method a team sends for audit. */
public enum AuditStep {
    DOMAINS, CORE_IDEAS, CROSS_ANALYSIS
}
