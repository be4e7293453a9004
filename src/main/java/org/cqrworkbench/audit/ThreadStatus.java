package org.cqrworkbench.audit;

public enum ThreadStatus {
    /** Waiting for the team's answer. */
    OPEN,
    /** The team answered; the auditor may reply, agree or the lead may close it. */
    ANSWERED,
    CLOSED
}
