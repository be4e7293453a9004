/**
 * The sample study loaded on a fresh installation (property cqr.sample-study), so a newcomer has a
 * realistic study to explore: a team, cases with demographics, three subsamples and transcripts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sample study")
package org.cqrworkbench.sample;
