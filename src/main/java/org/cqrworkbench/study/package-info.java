/**
 * Studies and their teams: who belongs to a study, in which role, and their recorded biases and
 * expectations. {@link org.cqrworkbench.study.StudyAccess} is the one place that decides whether a
 * user may see or change a study; every other module asks it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Studies and teams")
package org.cqrworkbench.study;
