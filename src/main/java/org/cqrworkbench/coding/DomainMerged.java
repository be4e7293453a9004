package org.cqrworkbench.coding;

/**
 * Published inside the transaction that merges one domain into another, after the codings moved, so that
 * the modules that hang work on domains (core ideas, categories) move theirs along.
 */
public record DomainMerged(long studyId, long sourceId, long targetId) {
}
