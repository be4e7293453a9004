/**
 * CQR's third step: categories of core ideas within each domain, their case counts and frequency labels
 * per subsample, the case-by-category grid, the comparison of subsamples, and the publication tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-analysis and tables")
package org.cqrworkbench.crossanalysis;
