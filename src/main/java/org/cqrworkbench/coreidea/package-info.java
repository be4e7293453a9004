/**
 * CQR's second step: core ideas, the short third-person summaries the team writes for each case,
 * domain and subsample.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Core ideas")
package org.cqrworkbench.coreidea;
