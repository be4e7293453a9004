package org.cqrworkbench.crossanalysis;

/**
 * A category as the tables, grids and comparisons lay it out: its place in the tree and its name, without its core
 * ideas, so a whole study's categories load as plain rows.
 */
record CategoryNode(long id, long domainId, Long parentId, String name, int position) {
}
