package org.cqrworkbench.transcript;

import java.time.Clock;
import java.time.Instant;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TranscriptService {

    private final TranscriptRepository transcripts;
    private final Clock clock;

    TranscriptService(TranscriptRepository transcripts, Clock clock) {
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** Stores the first transcript of a case. The caller has already checked the user's role. */
    @Transactional
    public Transcript store(long caseId, String text, String sourceName) {
        String body = TranscriptText.normalise(text);
        if (body.isBlank()) {
            throw new InvalidInputException("transcript.empty");
        }
        if (transcripts.findByCaseId(caseId).isPresent()) {
            throw new InvalidInputException("transcript.exists");
        }
        return transcripts.save(new Transcript(caseId, body, sourceName, Instant.now(clock)));
    }
}
