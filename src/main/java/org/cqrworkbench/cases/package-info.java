/**
 * The study design: cases (participants known by a code, with demographic attributes) and the
 * subsamples they belong to. A study always has at least one subsample; while it has only one,
 * no page speaks of subsamples.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases and subsamples")
package org.cqrworkbench.cases;
