package org.cqrworkbench.study;

/** Published inside the creating transaction, so other modules can set up what a new study needs. */
public record StudyCreated(long studyId) {
}
