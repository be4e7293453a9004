package org.cqrworkbench.coding;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.cqrworkbench.study.RevisionCache;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far domain coding has come, case by case and domain by domain, in three aggregate queries: transcript lengths,
 * consensus codings and drafts counted per case. No coding, draft or transcript text is loaded.
 */
@Service
public class CodingProgress {

    /** One case's consensus codings in one domain: how many, and how many characters of the transcript they cover. */
    public record DomainTotal(int count, long covered) {
    }

    /**
     * What the progress grid draws for one case and domain: how many consensus codings, the share of the text they
     * cover in whole percent, and how dark the square is (0 for nothing coded, then 1 to 4 as more text is).
     */
    public record Square(int count, long wholePercent, int level) {

        static final Square EMPTY = new Square(0, 0, 0);
    }

    /** One case's coding: its consensus codings per domain, its transcript's length (null without one), and its drafts. */
    public record CaseProgress(Integer transcriptLength, Map<Long, DomainTotal> consensus, int drafts, int draftsDone) {

        /** The share of the transcript coded into the domain, at most 1 as codings may overlap. */
        public double share(long domainId) {
            return shareOf(consensus.get(domainId));
        }

        public boolean hasConsensus() {
            return !consensus.isEmpty();
        }

        /** The domain's square, from one lookup: a large grid draws thousands of them. */
        public Square square(long domainId) {
            DomainTotal total = consensus.get(domainId);
            if (total == null) {
                return Square.EMPTY;
            }
            double share = shareOf(total);
            int level = share < 0.05 ? 1 : share < 0.15 ? 2 : share < 0.3 ? 3 : 4;
            return new Square(total.count(), Math.round(share * 100), level);
        }

        private double shareOf(DomainTotal total) {
            if (total == null || transcriptLength == null || transcriptLength == 0) {
                return 0;
            }
            return Math.min(1.0, (double) total.covered() / transcriptLength);
        }
    }

    private final CodingRepository codings;
    private final CodingDraftRepository drafts;
    private final TranscriptRepository transcripts;
    private final StudyAccess access;

    /**
     * Consensus codings are logged, so their totals are kept until the next change: counting a large study's tens of
     * thousands of codings was most of the study page's time. Lengths and drafts are not logged and are read each time.
     */
    private final RevisionCache<Map<Long, Map<Long, DomainTotal>>> totals;

    CodingProgress(CodingRepository codings, CodingDraftRepository drafts, TranscriptRepository transcripts, StudyAccess access,
            JdbcClient jdbc) {
        this.codings = codings;
        this.drafts = drafts;
        this.transcripts = transcripts;
        this.access = access;
        this.totals = new RevisionCache<>(jdbc, 8);
    }

    /** The progress of these cases of the study; a case of another study shows neither transcript nor coding. */
    @Transactional(readOnly = true)
    public Map<Long, CaseProgress> byCase(long studyId, String username, Collection<Long> caseIds) {
        access.member(studyId, username);
        Map<Long, Integer> lengths = new HashMap<>();
        transcripts.lengthsInStudy(studyId).forEach(row -> lengths.put((Long) row[0], ((Number) row[1]).intValue()));
        Map<Long, Map<Long, DomainTotal>> consensus = totals.get(studyId, () -> consensusTotals(studyId));
        Map<Long, int[]> draftCounts = new HashMap<>();
        for (Object[] row : drafts.tallyInStudy(studyId)) {
            draftCounts.put((Long) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
        }
        Map<Long, CaseProgress> progress = new HashMap<>();
        for (long caseId : caseIds) {
            int[] tally = draftCounts.getOrDefault(caseId, new int[2]);
            progress.put(caseId, new CaseProgress(lengths.get(caseId), consensus.getOrDefault(caseId, Map.of()), tally[0], tally[1]));
        }
        return progress;
    }

    /** Case id → domain id → the case's consensus codings in the domain; unmodifiable, as requests share it. */
    private Map<Long, Map<Long, DomainTotal>> consensusTotals(long studyId) {
        Map<Long, Map<Long, DomainTotal>> byCase = new HashMap<>();
        for (Object[] row : codings.consensusTotals(studyId)) {
            byCase.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .put((Long) row[1], new DomainTotal(((Number) row[2]).intValue(), ((Number) row[3]).longValue()));
        }
        Map<Long, Map<Long, DomainTotal>> frozen = new HashMap<>();
        byCase.forEach((caseId, domains) -> frozen.put(caseId, Map.copyOf(domains)));
        return Map.copyOf(frozen);
    }
}
