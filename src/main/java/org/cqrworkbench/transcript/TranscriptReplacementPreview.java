package org.cqrworkbench.transcript;

/**
 * Asks, before a case's transcript is replaced, what the replacement would do to the codings anchored in it.
 * Nothing may change while it is handled; listeners only fill in the report.
 *
 * <p>Transcripts cannot call the coding module, which depends on them, so the two talk through events:
 * this module publishes, the coding module listens. Spring delivers the event synchronously inside the
 * publisher's transaction, so the report is complete when publishing returns, and a listener's failure
 * rolls the whole replacement back.
 */
public record TranscriptReplacementPreview(long studyId, long caseId, String oldBody, String newBody, AnchorReport report) {
}
