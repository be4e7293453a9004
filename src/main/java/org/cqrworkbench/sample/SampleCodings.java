package org.cqrworkbench.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptText;
import org.cqrworkbench.transcript.TranscriptText.Turn;
import org.springframework.stereotype.Component;

/**
 * Domain coding for the sample study, so every coding view has something to show: most cases coded by the
 * team in consensus, one case (P04) coded independently by two judges whose drafts differ, two not yet coded.
 * Within each interview section, the participant's turns run antecedents, then the crying, then its
 * consequences, which is how the interviews were led; that order is used to code them.
 */
@Component
class SampleCodings {

    /** The interviewer's opening words of each section, and the subsample the section is about. */
    static final Map<String, String> SECTIONS = Map.of(
            "Let's talk about a time you cried as a therapist", "Cried as therapist",
            "Let's talk about a time you cried as a client in your own therapy", "Cried as client",
            "Let's talk about a time your own therapist cried with you", "Therapist cried");

    private static final List<String> CONSENSUS_CASES = List.of("P01", "P02", "P03", "P05", "P06");
    private static final String INDEPENDENT_CASE = "P04";
    private static final List<String> STEPS = List.of("Antecedents", "The crying event", "Consequences");

    private final CaseService caseService;
    private final CodingService codingService;
    private final DomainService domainService;
    private final TranscriptRepository transcripts;

    SampleCodings(CaseService caseService, CodingService codingService, DomainService domainService,
            TranscriptRepository transcripts) {
        this.caseService = caseService;
        this.codingService = codingService;
        this.domainService = domainService;
        this.transcripts = transcripts;
    }

    void code(long studyId, String lead, String firstJudge, String secondJudge) {
        Map<String, Long> domainIds = new java.util.HashMap<>();
        for (Domain d : domainService.domains(studyId, lead)) {
            domainIds.put(d.getName(), d.getId());
        }
        for (StudyCase studyCase : caseService.design(studyId, lead).cases()) {
            String code = studyCase.getCode();
            String body = transcripts.findByCaseId(studyCase.getId()).orElseThrow().getBody();
            if (CONSENSUS_CASES.contains(code)) {
                String judge = CONSENSUS_CASES.indexOf(code) % 2 == 0 ? firstJudge : secondJudge;
                plan(body, 0).forEach(p -> codingService.code(studyId, judge, code, domainIds.get(p.domain()), p.start(), p.end(), false));
            } else if (code.equals(INDEPENDENT_CASE)) {
                caseService.setCodingMode(studyId, lead, studyCase.getId(), CodingMode.INDEPENDENT);
                // The second judge sees the crying start one turn earlier: their drafts differ at every boundary.
                plan(body, 0).forEach(p -> codingService.code(studyId, firstJudge, code, domainIds.get(p.domain()), p.start(), p.end(), false));
                plan(body, 1).forEach(p -> codingService.code(studyId, secondJudge, code, domainIds.get(p.domain()), p.start(), p.end(), false));
                codingService.markDraftDone(studyId, firstJudge, code, true);
                codingService.markDraftDone(studyId, secondJudge, code, true);
            }
        }
    }

    record Planned(String domain, int start, int end) {
    }

    /** Each section's participant turns cut into thirds; `shift` moves both cuts one turn earlier. */
    static List<Planned> plan(String body, int shift) {
        List<Turn> turns = TranscriptText.turns(body);
        List<Planned> planned = new ArrayList<>();
        List<Turn> section = null;
        for (Turn turn : turns) {
            boolean opens = "Interviewer".equals(turn.speaker()) && SECTIONS.keySet().stream().anyMatch(turn.text()::startsWith);
            if (opens) {
                addSection(planned, section, shift);
                section = new ArrayList<>();
            } else if (section != null && "Participant".equals(turn.speaker())) {
                section.add(turn);
            } else if (section != null && "Interviewer".equals(turn.speaker()) && turn.text().contains("Is there anything else")) {
                addSection(planned, section, shift);
                section = null;
            }
        }
        addSection(planned, section, shift);
        return planned;
    }

    private static void addSection(List<Planned> planned, List<Turn> section, int shift) {
        // A section of one or two turns is a participant saying they had no such event: nothing to code.
        if (section == null || section.size() < 3) {
            return;
        }
        int firstCut = Math.max(1, section.size() / 3 - shift);
        int secondCut = Math.max(firstCut + 1, 2 * section.size() / 3 - shift);
        for (int i = 0; i < section.size(); i++) {
            Turn turn = section.get(i);
            String domain = STEPS.get(i < firstCut ? 0 : i < secondCut ? 1 : 2);
            planned.add(new Planned(domain, turn.end() - turn.text().length(), turn.end()));
        }
    }
}
