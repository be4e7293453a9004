package org.cqrworkbench.coding;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    /** One case's coding: consensus coverage per domain (share of its transcript), and its drafts. */
    public record CaseProgress(Integer transcriptLength, Map<Long, Double> consensusShare, Map<Long, Integer> consensusCount,
            int drafts, int draftsDone) {

        public double share(long domainId) {
            return consensusShare.getOrDefault(domainId, 0.0);
        }

        public int count(long domainId) {
            return consensusCount.getOrDefault(domainId, 0);
        }

        public boolean hasConsensus() {
            return !consensusCount.isEmpty();
        }

        /** How dark the progress grid draws the domain: 0 for nothing coded, then 1 to 4 as more text is. */
        public int level(long domainId) {
            double share = share(domainId);
            if (count(domainId) == 0) {
                return 0;
            }
            return share < 0.05 ? 1 : share < 0.15 ? 2 : share < 0.3 ? 3 : 4;
        }

        /** The share of the text coded into the domain, as a whole percentage: "12%". */
        public String percent(long domainId) {
            return wholePercent(domainId) + "%";
        }

        /** The share of the text coded into the domain, in whole percent: 12. */
        public long wholePercent(long domainId) {
            return Math.round(share(domainId) * 100);
        }
    }

    /** Consensus codings of one case in one domain: how many, and how many characters they cover. */
    private record Total(long caseId, long domainId, int count, double covered) {
    }

    private final CodingRepository codings;
    private final CodingDraftRepository drafts;
    private final TranscriptRepository transcripts;
    private final StudyAccess access;

    /**
     * Consensus codings are logged, so their totals are kept until the next change: counting a large study's tens of
     * thousands of codings was most of the study page's time. Lengths and drafts are not logged and are read each time.
     */
    private final RevisionCache<List<Total>> totals;

    CodingProgress(CodingRepository codings, CodingDraftRepository drafts, TranscriptRepository transcripts, StudyAccess access,
            JdbcClient jdbc) {
        this.codings = codings;
        this.drafts = drafts;
        this.transcripts = transcripts;
        this.access = access;
        this.totals = new RevisionCache<>(jdbc, 8);
    }

    @Transactional(readOnly = true)
    public Map<Long, CaseProgress> byCase(long studyId, String username, Collection<Long> caseIds) {
        access.member(studyId, username);
        Map<Long, Integer> lengths = new HashMap<>();
        if (!caseIds.isEmpty()) {
            transcripts.lengths(caseIds).forEach(row -> lengths.put((Long) row[0], ((Number) row[1]).intValue()));
        }
        Map<Long, Map<Long, Double>> shares = new HashMap<>();
        Map<Long, Map<Long, Integer>> counts = new HashMap<>();
        for (Total total : totals.get(studyId, () -> consensusTotals(studyId))) {
            int length = lengths.getOrDefault(total.caseId(), 0);
            shares.computeIfAbsent(total.caseId(), k -> new HashMap<>())
                    .put(total.domainId(), length == 0 ? 0 : Math.min(1.0, total.covered() / length));
            counts.computeIfAbsent(total.caseId(), k -> new HashMap<>()).put(total.domainId(), total.count());
        }
        Map<Long, int[]> draftCounts = new HashMap<>();
        if (!caseIds.isEmpty()) {
            for (Object[] row : drafts.tallyByCase(caseIds)) {
                draftCounts.put((Long) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
            }
        }
        Map<Long, CaseProgress> progress = new HashMap<>();
        for (long caseId : caseIds) {
            int[] tally = draftCounts.getOrDefault(caseId, new int[2]);
            progress.put(caseId, new CaseProgress(lengths.get(caseId), shares.getOrDefault(caseId, Map.of()),
                    counts.getOrDefault(caseId, Map.of()), tally[0], tally[1]));
        }
        return progress;
    }

    private List<Total> consensusTotals(long studyId) {
        return codings.consensusTotals(studyId).stream()
                .map(row -> new Total((Long) row[0], (Long) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).doubleValue()))
                .toList();
    }

}
