package org.cqrworkbench.cases;

/** A case as a list of a whole study names it: its id and code, without its attributes and subsamples. */
public record CaseCode(long id, String code) {
}
