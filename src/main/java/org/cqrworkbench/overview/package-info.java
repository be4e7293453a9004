/** The study's front page: what the study asks, who is on the team, and how far the work has come. */
@org.springframework.modulith.ApplicationModule(displayName = "Study overview")
package org.cqrworkbench.overview;
