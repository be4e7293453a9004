package org.cqrworkbench.transcript;

/**
 * Published inside the transaction that replaces a case's transcript, before the new text is saved, so the
 * codings move with their words. A coding whose words are gone is removed and reported, never dropped
 * silently; the user has already seen the same list in {@link TranscriptReplacementPreview}'s report.
 */
public record TranscriptReplaced(long studyId, long caseId, String oldBody, String newBody, AnchorReport report) {
}
