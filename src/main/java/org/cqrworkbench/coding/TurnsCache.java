package org.cqrworkbench.coding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cqrworkbench.transcript.TranscriptText;
import org.springframework.stereotype.Component;

/**
 * The turns' markup of the transcripts opened last, each kept with the version of the transcript it was made from.
 * Every change to a transcript moves its version, so a kept markup is the markup of that text; an older version is
 * simply made again. A judge opens the same transcript many times a day, and a long one takes a fifth of the coding
 * page's time to cut into turns and write out, besides reading its text.
 */
@Component
class TurnsCache {

    /** Transcripts kept: the few a team is coding this hour. A long transcript's markup is about 150 KB. */
    private static final int KEPT = 24;

    private record Kept(long version, String markup) {
    }

    private final Map<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** The markup of this version of the transcript, made from its text (read only if needed) when not kept. */
    String markup(long transcriptId, long version, Supplier<String> text) {
        synchronized (kept) {
            Kept found = kept.get(transcriptId);
            if (found != null && found.version() == version) {
                return found.markup();
            }
        }
        String markup = TurnsMarkup.of(TranscriptText.turns(text.get()));
        synchronized (kept) {
            Kept now = kept.get(transcriptId);
            if (now == null || now.version() <= version) {
                kept.put(transcriptId, new Kept(version, markup));
            }
        }
        return markup;
    }
}
