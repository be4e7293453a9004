package org.cqrworkbench.cases;

/** Published inside the transaction that deletes a subsample, before it goes, so modules can let go of it. */
public record SubsampleRemoved(long studyId, long subsampleId) {
}
