package org.cqrworkbench.coreidea;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.transcript.TranscriptParts;
import org.springframework.stereotype.Component;

/**
 * Which subsample each coding of a case belongs to: that of the transcript part it starts in. A case in
 * several subsamples whose transcript is not divided yet has its codings shown under its first subsample,
 * where the team will see them and divide the transcript.
 */
@Component
class CodingSubsamples {

    private final TranscriptParts parts;

    CodingSubsamples(TranscriptParts parts) {
        this.parts = parts;
    }

    Map<Long, Long> of(StudyCase studyCase, List<Coding> codings, List<SubsampleInfo> subsamplesOfCase) {
        return of(parts.divisionOf(studyCase), codings, subsamplesOfCase);
    }

    /** As above, with the case's division already loaded, for views that load many cases' divisions at once. */
    Map<Long, Long> of(TranscriptParts.Division division, List<Coding> codings, List<SubsampleInfo> subsamplesOfCase) {
        long fallback = subsamplesOfCase.get(0).id();
        Map<Long, Long> result = new HashMap<>();
        codings.forEach(c -> result.put(c.getId(), division.subsampleAt(c.getStart()).orElse(fallback)));
        return result;
    }
}
