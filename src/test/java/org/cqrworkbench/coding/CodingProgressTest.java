package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingProgress.CaseProgress;
import org.cqrworkbench.coding.CodingProgress.DomainTotal;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@FlowTest
class CodingProgressTest {

    @Autowired
    CodingProgress progress;
    @Autowired
    CodingService codingService;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    TranscriptService transcriptService;
    @Autowired
    StudyService studies;
    @Autowired
    TestData data;
    @Autowired
    CodingRepository codings;
    @Autowired
    CodingDraftRepository drafts;
    @Autowired
    TranscriptRepository transcripts;

    String lead;
    String judge;
    String other;
    long studyId;
    List<Long> domainIds = new ArrayList<>();
    Map<String, Long> caseIds = new HashMap<>();

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        other = data.user("other");
        studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        studies.addMember(studyId, lead, other, StudyRole.JUDGE);
        for (String name : List.of("Antecedents", "Reactions", "Consequences", "Meaning")) {
            domainIds.add(domainService.create(studyId, lead, name, null, null).getId());
        }
        for (String code : List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07")) {
            caseIds.put(code, caseService.createCase(studyId, lead, new CaseService.CaseForm(code, null, null, null)).getId());
        }
    }

    @Test
    void eachCasesProgressAddsUpItsConsensusCodingsAndDrafts() {
        transcriptService.store(caseIds.get("P01"), "x".repeat(1000), "P01.txt");
        transcriptService.store(caseIds.get("P02"), "y".repeat(400), "P02.txt");
        long antecedents = domainIds.get(0);
        long reactions = domainIds.get(1);
        codingService.code(studyId, judge, "P01", antecedents, 0, 30, false);
        codingService.code(studyId, judge, "P01", antecedents, 20, 60, false);
        codingService.code(studyId, judge, "P01", reactions, 100, 500, false);
        caseService.setCodingMode(studyId, lead, caseIds.get("P02"), CodingMode.INDEPENDENT);
        codingService.code(studyId, judge, "P02", antecedents, 0, 100, false);
        codingService.code(studyId, other, "P02", antecedents, 0, 50, false);
        codingService.markDraftDone(studyId, other, "P02", true);

        Map<Long, CaseProgress> byCase = progress.byCase(studyId, lead, List.of(caseIds.get("P01"), caseIds.get("P02"), caseIds.get("P03")));

        CaseProgress p01 = byCase.get(caseIds.get("P01"));
        assertThat(p01.transcriptLength()).isEqualTo(1000);
        assertThat(p01.square(antecedents).count()).as("overlapping codings both count").isEqualTo(2);
        assertThat(p01.share(antecedents)).isEqualTo(0.07);
        assertThat(p01.square(antecedents).wholePercent()).isEqualTo(7);
        assertThat(p01.square(antecedents).level()).isEqualTo(2);
        assertThat(p01.square(reactions).level()).isEqualTo(4);
        assertThat(p01.square(domainIds.get(2)).level()).isZero();
        assertThat(p01.hasConsensus()).isTrue();
        assertThat(p01.drafts()).isZero();
        CaseProgress p02 = byCase.get(caseIds.get("P02"));
        assertThat(p02.hasConsensus()).as("drafts are not the consensus").isFalse();
        assertThat(p02.drafts()).isEqualTo(2);
        assertThat(p02.draftsDone()).isEqualTo(1);
        CaseProgress p03 = byCase.get(caseIds.get("P03"));
        assertThat(p03.transcriptLength()).isNull();
        assertThat(p03.hasConsensus()).isFalse();
        assertThat(p03.square(antecedents).level()).isZero();
        assertThat(p03.square(antecedents).wholePercent()).isZero();
    }

    @Test
    void progressOfAManyCodingStudyIsWhatItsCodingsAndDraftsAddUpTo() {
        Random random = new Random(42);
        // P07 keeps no transcript; P06 has one and no coding.
        for (String code : List.of("P01", "P02", "P03", "P04", "P05", "P06")) {
            transcriptService.store(caseIds.get(code), "word ".repeat(200 + random.nextInt(800)), code + ".txt");
        }
        caseService.setCodingMode(studyId, lead, caseIds.get("P04"), CodingMode.INDEPENDENT);
        caseService.setCodingMode(studyId, lead, caseIds.get("P05"), CodingMode.INDEPENDENT);
        for (String code : List.of("P01", "P02", "P03", "P04", "P05")) {
            int length = transcripts.findByCaseId(caseIds.get(code)).orElseThrow().getBody().length();
            for (int i = 0; i < 40; i++) {
                int start = random.nextInt(length - 1);
                int end = start + 1 + random.nextInt(Math.min(300, length - start));
                long domainId = domainIds.get(random.nextInt(3));
                boolean consensus = random.nextInt(4) == 0;
                codingService.code(studyId, random.nextBoolean() ? judge : other, code, domainId, start, end, consensus);
            }
        }
        codingService.markDraftDone(studyId, judge, "P04", true);
        // Another study's codings stay out of this one's progress.
        String elsewhere = data.user("elsewhere");
        long otherStudy = data.studyWithTeam(elsewhere, data.user("j"), data.user("a"));
        long theirCase = caseService.createCase(otherStudy, elsewhere, new CaseService.CaseForm("P01", null, null, null)).getId();
        transcriptService.store(theirCase, "z".repeat(100), "P01.txt");
        codingService.code(otherStudy, elsewhere, "P01", domainService.create(otherStudy, elsewhere, "Theirs", null, null).getId(), 0, 90, false);

        List<Long> ids = caseIds.values().stream().sorted().toList();
        assertThat(progress.byCase(studyId, judge, ids)).isEqualTo(countedOneByOne(ids));
    }

    @Test
    void progressShownOnceFollowsEveryLaterChangeToTheConsensus() {
        transcriptService.store(caseIds.get("P01"), "x".repeat(1000), "P01.txt");
        long antecedents = domainIds.get(0);
        long reactions = domainIds.get(1);
        List<Long> p01 = List.of(caseIds.get("P01"));
        Coding first = codingService.code(studyId, judge, "P01", antecedents, 0, 100, false);
        assertThat(progress.byCase(studyId, lead, p01).get(p01.get(0)).square(antecedents).count()).isEqualTo(1);

        codingService.code(studyId, other, "P01", antecedents, 200, 300, false);
        assertThat(progress.byCase(studyId, lead, p01)).as("a coding added").isEqualTo(countedOneByOne(p01));

        Coding adjusted = codingService.adjust(studyId, judge, first.getId(), first.getVersion(), 0, 500, reactions);
        CaseProgress afterAdjust = progress.byCase(studyId, lead, p01).get(p01.get(0));
        assertThat(afterAdjust.square(antecedents).count()).as("a coding moved to another domain").isEqualTo(1);
        assertThat(afterAdjust.share(reactions)).isEqualTo(0.5);

        codingService.remove(studyId, judge, adjusted.getId(), adjusted.getVersion());
        assertThat(progress.byCase(studyId, lead, p01)).as("a coding removed").isEqualTo(countedOneByOne(p01));
        assertThat(progress.byCase(studyId, lead, p01).get(p01.get(0)).square(reactions).count()).isZero();
    }

    @Test
    void aCaseOfAnotherStudyAskedForThroughThisOneShowsNothingOfItsProgress() {
        String elsewhere = data.user("elsewhere");
        long otherStudy = data.studyWithTeam(elsewhere, data.user("j"), data.user("a"));
        caseService.setCodingMode(otherStudy, elsewhere,
                caseService.createCase(otherStudy, elsewhere, new CaseService.CaseForm("Q01", null, null, null)).getId(),
                CodingMode.INDEPENDENT);
        long theirCase = caseService.caseByCode(otherStudy, elsewhere, "Q01").getId();
        transcriptService.store(theirCase, "z".repeat(100), "Q01.txt");
        codingService.code(otherStudy, elsewhere, "Q01", domainService.create(otherStudy, elsewhere, "Theirs", null, null).getId(),
                0, 90, false);
        assertThat(progress.byCase(otherStudy, elsewhere, List.of(theirCase)).get(theirCase).drafts()).isEqualTo(1);

        CaseProgress seenHere = progress.byCase(studyId, lead, List.of(theirCase)).get(theirCase);

        assertThat(seenHere.transcriptLength()).isNull();
        assertThat(seenHere.drafts()).isZero();
        assertThat(seenHere.hasConsensus()).isFalse();
    }

    /** The progress worked out from every coding, draft and transcript itself, as the page once did. */
    private Map<Long, CaseProgress> countedOneByOne(List<Long> ids) {
        Map<Long, CaseProgress> expected = new HashMap<>();
        for (long caseId : ids) {
            Integer length = transcripts.findByCaseId(caseId).map(Transcript::getBody).map(String::length).orElse(null);
            Map<Long, Integer> counts = new HashMap<>();
            Map<Long, Integer> covered = new HashMap<>();
            for (Coding coding : codings.findByCaseIdAndLayerOrderByStartAscEndAsc(caseId, Layer.CONSENSUS)) {
                counts.merge(coding.getDomainId(), 1, Integer::sum);
                covered.merge(coding.getDomainId(), coding.getEnd() - coding.getStart(), Integer::sum);
            }
            Map<Long, DomainTotal> totals = new HashMap<>();
            counts.forEach((domainId, count) -> totals.put(domainId, new DomainTotal(count, covered.get(domainId))));
            List<CodingDraft> caseDrafts = drafts.findByKeyCaseId(caseId);
            expected.put(caseId, new CaseProgress(length, totals, caseDrafts.size(),
                    (int) caseDrafts.stream().filter(CodingDraft::isDone).count()));
        }
        return expected;
    }
}
