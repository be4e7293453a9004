package org.cqrworkbench.coreidea;

import java.util.HashMap;
import java.util.Map;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing core ideas. Callers check the user's role and that case, subsample and domain belong to the
 * study; this service keeps each case's core ideas in order within a domain.
 */
@Service
public class CoreIdeaService {

    private final CoreIdeaRepository coreIdeas;

    CoreIdeaService(CoreIdeaRepository coreIdeas) {
        this.coreIdeas = coreIdeas;
    }

    /** Checked text of a core idea: plain, not empty, not too long. */
    public static String checkedText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("coreIdea.empty");
        }
        if (body.length() > CoreIdea.MAX_TEXT) {
            throw new InvalidInputException("text.tooLong", CoreIdea.MAX_TEXT);
        }
        return body;
    }

    /** Starts a batch of new core ideas for one study; positions continue after those already there. */
    @Transactional(readOnly = true)
    public Batch batch(long studyId) {
        Map<String, Integer> next = new HashMap<>();
        for (CoreIdea idea : coreIdeas.findByStudyId(studyId)) {
            next.merge(Batch.key(idea.getCaseId(), idea.getSubsampleId(), idea.getDomainId()), idea.getPosition() + 1, Math::max);
        }
        return new Batch(studyId, next);
    }

    /** Adds core ideas one after another; they are saved in batches by the surrounding transaction. */
    public final class Batch {

        private final long studyId;
        private final Map<String, Integer> nextPosition;

        private Batch(long studyId, Map<String, Integer> nextPosition) {
            this.studyId = studyId;
            this.nextPosition = nextPosition;
        }

        public CoreIdea add(long caseId, long subsampleId, long domainId, String text) {
            int position = nextPosition.merge(key(caseId, subsampleId, domainId), 1, Integer::sum) - 1;
            return coreIdeas.save(new CoreIdea(studyId, caseId, subsampleId, domainId, checkedText(text), position));
        }

        private static String key(long caseId, long subsampleId, long domainId) {
            return caseId + "/" + subsampleId + "/" + domainId;
        }
    }
}
