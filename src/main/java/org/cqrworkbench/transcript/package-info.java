/**
 * Transcripts: the verbatim text of each case's interview, kept exactly as imported (line ends
 * normalised to \n) because every coding points into it by character offsets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transcripts")
package org.cqrworkbench.transcript;
