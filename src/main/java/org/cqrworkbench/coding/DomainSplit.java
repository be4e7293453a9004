package org.cqrworkbench.coding;

import java.util.Set;

/**
 * Published inside the transaction that splits some consensus codings off into a new domain, so the core ideas
 * written from exactly those codings can follow them.
 */
public record DomainSplit(long studyId, long sourceId, long targetId, Set<Long> codingIds) {
}
