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

    /** One case's consensus codings in one domain: how many, and how many characters of the transcript they cover. */
    public record DomainTotal(int count, long covered) {
    }

    /** One case's coding: its consensus codings per domain, its transcript's length (null without one), and its drafts. */
    public record CaseProgress(Integer transcriptLength, Map<Long, DomainTotal> consensus, int drafts, int draftsDone) {

        /** The share of the transcript coded into the domain, at most 1 as codings may overlap. */
        public double share(long domainId) {
            DomainTotal total = consensus.get(domainId);
            if (total == null || transcriptLength == null || transcriptLength == 0) {
                return 0;
            }
            return Math.min(1.0, (double) total.covered() / transcriptLength);
        }

        public int count(long domainId) {
            DomainTotal total = consensus.get(domainId);
            return total == null ? 0 : total.count();
        }

        public boolean hasConsensus() {
            return !consensus.isEmpty();
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

    @Transactional(readOnly = true)
    public Map<Long, CaseProgress> byCase(long studyId, String username, Collection<Long> caseIds) {
        access.member(studyId, username);
        Map<Long, Integer> lengths = new HashMap<>();
        if (!caseIds.isEmpty()) {
            transcripts.lengths(caseIds).forEach(row -> lengths.put((Long) row[0], ((Number) row[1]).intValue()));
        }
        Map<Long, Map<Long, DomainTotal>> consensus = totals.get(studyId, () -> consensusTotals(studyId));
        Map<Long, int[]> draftCounts = new HashMap<>();
        if (!caseIds.isEmpty()) {
            for (Object[] row : drafts.tallyByCase(caseIds)) {
                draftCounts.put((Long) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
            }
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
