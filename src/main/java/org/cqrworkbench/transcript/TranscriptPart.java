package org.cqrworkbench.transcript;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stretch of a transcript about one subsample; UTF-16 offsets into the stored text, end exclusive. */
@Entity
@Table(name = "transcript_part")
class TranscriptPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long transcriptId;

    @Column(nullable = false)
    private Long subsampleId;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    protected TranscriptPart() {
    }

    TranscriptPart(long transcriptId, long subsampleId, int start, int end) {
        this.transcriptId = transcriptId;
        this.subsampleId = subsampleId;
        this.start = start;
        this.end = end;
    }

    Long getTranscriptId() {
        return transcriptId;
    }

    Long getSubsampleId() {
        return subsampleId;
    }

    int getStart() {
        return start;
    }

    int getEnd() {
        return end;
    }
}
