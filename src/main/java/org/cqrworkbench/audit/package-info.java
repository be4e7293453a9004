/**
 * Auditing: the team sends a step of the analysis to its auditors, auditors comment on the exact items they
 * question, the team answers every comment, and the whole exchange stays on record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auditing")
package org.cqrworkbench.audit;
