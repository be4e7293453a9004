package org.cqrworkbench.audit;

public enum ReplyKind {
    ACCEPTED, NOT_ACCEPTED, REPLY, CLOSED
}
