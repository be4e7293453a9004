package org.cqrworkbench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptParts;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "cqr.sample-study=true")
@AutoConfigureMockMvc
class SampleStudyTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @Autowired
    StudyService studies;
    @Autowired
    CaseService cases;
    @Autowired
    TranscriptRepository transcripts;
    @Autowired
    TranscriptParts parts;
    @Autowired
    MockMvc mvc;

    @Test
    void firstStartLoadsTheSampleStudyLedByTheAdministrator() {
        List<StudyMember> mine = studies.studiesOf("admin");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getRole()).isEqualTo(StudyRole.LEAD);
        long studyId = mine.get(0).getStudy().getId();
        List<StudyMember> team = studies.team(studyId, "admin");
        assertThat(team).extracting(StudyMember::getRole).contains(StudyRole.LEAD, StudyRole.JUDGE, StudyRole.AUDITOR);
        assertThat(team).filteredOn(m -> m.getRole() != StudyRole.LEAD).allSatisfy(m -> assertThat(m.getBiases()).isNotBlank());
    }

    @Test
    void sampleStudyHasThreeSubsamplesWithTheirOwnN() {
        StudyDesign design = cases.design(sampleStudyId(), "admin");
        assertThat(design.subsamples()).extracting(SubsampleInfo::name)
                .containsExactly("Cried as therapist", "Cried as client", "Therapist cried");
        assertThat(design.subsamples()).extracting(SubsampleInfo::n).containsExactly(5L, 7L, 4L);
        assertThat(design.subsamples()).allSatisfy(s -> assertThat(s.tableTitle()).startsWith("Domains, Categories, and Frequencies"));
    }

    @Test
    void everySampleCaseHasAttributesAndAVerbatimTranscriptOfAtLeast1500Words() {
        StudyDesign design = cases.design(sampleStudyId(), "admin");
        assertThat(design.cases()).hasSizeGreaterThanOrEqualTo(6);
        for (StudyCase c : design.cases()) {
            assertThat(c.getAttributes()).containsKeys("age", "gender", "ethnicity", "program");
            String body = transcripts.findByCaseId(c.getId()).orElseThrow().getBody();
            assertThat(TranscriptText.wordCount(body)).as(c.getCode()).isGreaterThanOrEqualTo(1500);
            assertThat(TranscriptText.turns(body)).extracting(TranscriptText.Turn::speaker)
                    .contains("Interviewer", "Participant");
        }
    }

    @Test
    void sampleStudyHasAFinishedCrossAnalysisWithThreeTables() throws Exception {
        mvc.perform(get("/api/studies/" + sampleStudyId() + "/tables").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].n", contains(5, 7, 4)))
                .andExpect(jsonPath("$[*].rows[?(@.kind == 'DOMAIN')].text", hasItems("Antecedents", "The crying event", "Consequences")))
                .andExpect(jsonPath("$[1].rows[*].label", hasItems("General", "Typical", "Variant")))
                .andExpect(jsonPath("$[*].rows[?(@.kind == 'CATEGORY' && @.cases < 2)]", empty()))
                .andExpect(jsonPath("$[*].note", everyItem(org.hamcrest.Matchers.containsString("C = Client; T = Therapist; P = Participant"))));
    }

    @Autowired
    org.cqrworkbench.coding.CodingService codingService;

    @Test
    void sampleStudyHasConsensusCodingsAndOneCaseWithTwoDifferingDrafts() {
        long studyId = sampleStudyId();
        var coded = codingService.caseCodings(studyId, "admin", "P01");
        assertThat(coded.consensus()).hasSizeGreaterThan(10);
        var independent = codingService.caseCodings(studyId, "k.lindqvist", "P04");
        assertThat(independent.studyCase().getCodingMode()).isEqualTo(org.cqrworkbench.cases.CodingMode.INDEPENDENT);
        assertThat(independent.consensus()).isEmpty();
        assertThat(independent.otherDrafts()).hasSize(2);
        var drafts = List.copyOf(independent.otherDrafts().values());
        assertThat(drafts.get(0)).extracting(c -> c.getDomainId() + "@" + c.getStart())
                .isNotEqualTo(drafts.get(1).stream().map(c -> c.getDomainId() + "@" + c.getStart()).toList());
        assertThat(codingService.caseCodings(studyId, "admin", "P08").consensus()).isEmpty();
    }

    @Test
    void sampleCoreIdeasOfCodedCasesTraceBackToTheirRawData() throws Exception {
        mvc.perform(get("/api/studies/" + sampleStudyId() + "/cases/P01/core-ideas").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].codings[*]", org.hamcrest.Matchers.not(empty())))
                .andExpect(jsonPath("$[?(@.codings.length() == 0)]", empty()));
    }

    @Test
    void casesInSeveralSubsamplesHaveTheirTranscriptDividedAtTheSectionOpenings() {
        StudyDesign design = cases.design(sampleStudyId(), "admin");
        var ids = design.subsamples().stream().collect(java.util.stream.Collectors.toMap(SubsampleInfo::name, SubsampleInfo::id));
        StudyCase p02 = design.cases().stream().filter(c -> c.getCode().equals("P02")).findFirst().orElseThrow();
        String body = transcripts.findByCaseId(p02.getId()).orElseThrow().getBody();
        List<TranscriptParts.Part> p02Parts = parts.divisionOf(p02).parts();

        assertThat(p02Parts).extracting(TranscriptParts.Part::subsampleId)
                .containsExactly(ids.get("Cried as therapist"), ids.get("Cried as client"), ids.get("Therapist cried"));
        assertThat(p02Parts.get(0).start()).isZero();
        assertThat(body.substring(p02Parts.get(1).start())).startsWith("Interviewer: Let's talk about a time you cried as a client");
        assertThat(body.substring(p02Parts.get(2).start())).startsWith("Interviewer: Let's talk about a time your own therapist cried");
        assertThat(p02Parts.get(2).end()).isEqualTo(body.length());

        // P03 had no event as a therapist: that section stays with the first part of its own, as a client.
        StudyCase p03 = design.cases().stream().filter(c -> c.getCode().equals("P03")).findFirst().orElseThrow();
        assertThat(parts.divisionOf(p03).parts()).extracting(TranscriptParts.Part::subsampleId)
                .containsExactly(ids.get("Cried as client"), ids.get("Therapist cried"));
        StudyCase p06 = design.cases().stream().filter(c -> c.getCode().equals("P06")).findFirst().orElseThrow();
        assertThat(parts.divisionOf(p06).parts()).isEmpty();
        assertThat(parts.divisionOf(p06).subsampleAt(100)).hasValue(ids.get("Cried as client"));
    }

    @Test
    void sampleStudyHasAuditThreadsInEveryState() throws Exception {
        mvc.perform(get("/api/studies/" + sampleStudyId() + "/audit/comments").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.hasItems("OPEN", "ANSWERED", "CLOSED")))
                .andExpect(jsonPath("$[*].decision", org.hamcrest.Matchers.hasItems("ACCEPTED", "NOT_ACCEPTED")));
    }

    private long sampleStudyId() {
        return studies.studiesOf("admin").get(0).getStudy().getId();
    }
}
