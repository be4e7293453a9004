package org.cqrworkbench.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
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
    private final CoreIdeaRepository coreIdeas;
    private final CoreIdeaEditing editing;

    SampleCodings(CaseService caseService, CodingService codingService, DomainService domainService,
            TranscriptRepository transcripts, CoreIdeaRepository coreIdeas, CoreIdeaEditing editing) {
        this.coreIdeas = coreIdeas;
        this.editing = editing;
        this.caseService = caseService;
        this.codingService = codingService;
        this.domainService = domainService;
        this.transcripts = transcripts;
    }

    void code(long studyId, String lead, String firstJudge, String secondJudge) {
        Map<String, Long> subsampleIds = new java.util.HashMap<>();
        caseService.design(studyId, lead).subsamples().forEach(s -> subsampleIds.put(s.name(), s.id()));
        Map<String, Long> domainIds = new java.util.HashMap<>();
        for (Domain d : domainService.domains(studyId, lead)) {
            domainIds.put(d.getName(), d.getId());
        }
        for (StudyCase studyCase : caseService.design(studyId, lead).cases()) {
            String code = studyCase.getCode();
            String body = transcripts.findByCaseId(studyCase.getId()).orElseThrow().getBody();
            if (CONSENSUS_CASES.contains(code)) {
                String judge = CONSENSUS_CASES.indexOf(code) % 2 == 0 ? firstJudge : secondJudge;
                List<Coded> coded = new ArrayList<>();
                for (Planned p : plan(body, 0)) {
                    Coding coding = codingService.code(studyId, judge, code, domainIds.get(p.domain()), p.start(), p.end(), false);
                    coded.add(new Coded(coding, p.subsample(), body.substring(p.start(), p.end())));
                }
                linkCoreIdeas(studyId, judge, studyCase, coded, subsampleIds);
                int rank = CONSENSUS_CASES.indexOf(code);
                caseService.markStep(studyId, judge, studyCase.getId(), CaseStep.DOMAINS_CODED, true);
                if (rank < 3) {
                    caseService.markStep(studyId, judge, studyCase.getId(), CaseStep.CORE_IDEAS_DRAFTED, true);
                }
                if (rank < 2) {
                    caseService.markStep(studyId, judge, studyCase.getId(), CaseStep.CONSENSUS_REACHED, true);
                }
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

    private record Coded(Coding coding, String subsample, String text) {
    }

    /** Each core idea points to the coded turn of its case, domain and section sharing most of its words. */
    private void linkCoreIdeas(long studyId, String judge, StudyCase studyCase, List<Coded> coded, Map<String, Long> subsampleIds) {
        for (CoreIdea idea : coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId())) {
            coded.stream()
                    .filter(c -> c.coding().getDomainId().equals(idea.getDomainId())
                            && idea.getSubsampleId().equals(subsampleIds.get(c.subsample())))
                    .max(java.util.Comparator.comparingLong(c -> sharedWords(c.text(), idea.getBody())))
                    .ifPresent(best -> editing.link(studyId, judge, idea.getId(), java.util.Set.of(best.coding().getId())));
        }
    }

    private static long sharedWords(String text, String idea) {
        java.util.Set<String> words = java.util.Arrays.stream(text.toLowerCase().split("\\W+"))
                .filter(w -> w.length() > 3).collect(java.util.stream.Collectors.toSet());
        return java.util.Arrays.stream(idea.toLowerCase().split("\\W+")).filter(words::contains).count();
    }

    record Planned(String domain, String subsample, int start, int end) {
    }

    /** Each section's participant turns cut into thirds; `shift` moves both cuts one turn earlier. */
    static List<Planned> plan(String body, int shift) {
        List<Turn> turns = TranscriptText.turns(body);
        List<Planned> planned = new ArrayList<>();
        List<Turn> section = null;
        String subsample = null;
        for (Turn turn : turns) {
            String opened = "Interviewer".equals(turn.speaker())
                    ? SECTIONS.entrySet().stream().filter(e -> turn.text().startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null)
                    : null;
            if (opened != null) {
                addSection(planned, section, subsample, shift);
                section = new ArrayList<>();
                subsample = opened;
            } else if (section != null && "Participant".equals(turn.speaker())) {
                section.add(turn);
            } else if (section != null && "Interviewer".equals(turn.speaker()) && turn.text().contains("Is there anything else")) {
                addSection(planned, section, subsample, shift);
                section = null;
            }
        }
        addSection(planned, section, subsample, shift);
        return planned;
    }

    private static void addSection(List<Planned> planned, List<Turn> section, String subsample, int shift) {
        // A section of one or two turns is a participant saying they had no such event: nothing to code.
        if (section == null || section.size() < 3) {
            return;
        }
        int firstCut = Math.max(1, section.size() / 3 - shift);
        int secondCut = Math.max(firstCut + 1, 2 * section.size() / 3 - shift);
        for (int i = 0; i < section.size(); i++) {
            Turn turn = section.get(i);
            String domain = STEPS.get(i < firstCut ? 0 : i < secondCut ? 1 : 2);
            planned.add(new Planned(domain, subsample, turn.end() - turn.text().length(), turn.end()));
        }
    }
}
