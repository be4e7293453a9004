package org.cqrworkbench.audit;

/** What an audit comment is about. */
public enum ItemType {
    CODING, CORE_IDEA, CATEGORY, PLACEMENT, STEP
}
