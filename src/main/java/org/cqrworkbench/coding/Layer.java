package org.cqrworkbench.coding;

/** Where a coding lives: the team's consensus version, or one judge's private draft. */
public enum Layer {
    CONSENSUS, DRAFT
}
