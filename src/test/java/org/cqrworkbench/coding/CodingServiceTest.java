package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class CodingServiceTest {

    static final String TEXT = "Interviewer: How was it?\n\nParticipant: I cried with my client and felt ashamed afterwards.";

    @Autowired
    CodingService codingService;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    StudyService studies;
    @Autowired
    TestData data;
    @Autowired
    MockMvc mvc;

    String lead;
    String judge;
    String other;
    String auditor;
    long studyId;
    long domainId;
    StudyCase studyCase;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        other = data.user("other");
        studies.addMember(studyId, lead, other, StudyRole.JUDGE);
        studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcripts.store(studyCase.getId(), TEXT, "P01.txt");
        domainId = domainService.create(studyId, lead, "Consequences", null, null).getId();
    }

    @Test
    void teamCodingGoesStraightIntoTheConsensus() {
        Coding coding = codingService.code(studyId, judge, "P01", domainId, 40, 50, false);
        assertThat(coding.getLayer()).isEqualTo(Layer.CONSENSUS);
        assertThat(codingService.caseCodings(studyId, auditor, "P01").consensus()).extracting(Coding::getId).containsExactly(coding.getId());
    }

    @Test
    void independentDraftsStayPrivateUntilBothJudgesAreDone() {
        caseService.setCodingMode(studyId, lead, studyCase.getId(), CodingMode.INDEPENDENT);
        codingService.code(studyId, judge, "P01", domainId, 40, 50, false);
        Coding othersCoding = codingService.code(studyId, other, "P01", domainId, 60, 70, false);
        assertThat(othersCoding.getLayer()).isEqualTo(Layer.DRAFT);
        assertThat(codingService.caseCodings(studyId, judge, "P01").otherDrafts()).isEmpty();

        codingService.markDraftDone(studyId, other, "P01", true);
        assertThat(codingService.caseCodings(studyId, judge, "P01").otherDrafts())
                .as("the judge has not finished their own draft").isEmpty();
        codingService.markDraftDone(studyId, judge, "P01", true);
        assertThat(codingService.caseCodings(studyId, judge, "P01").otherDrafts().values())
                .singleElement().satisfies(list -> assertThat(list).extracting(Coding::getId).containsExactly(othersCoding.getId()));
        assertThat(codingService.caseCodings(studyId, judge, "P01").consensus()).isEmpty();
    }

    @Test
    void aJudgeCannotChangeAnotherJudgesDraftNorCodeIntoADraftMarkedDone() {
        caseService.setCodingMode(studyId, lead, studyCase.getId(), CodingMode.INDEPENDENT);
        Coding othersCoding = codingService.code(studyId, other, "P01", domainId, 60, 70, false);
        assertThatThrownBy(() -> codingService.remove(studyId, judge, othersCoding.getId(), othersCoding.getVersion()))
                .isInstanceOf(ForbiddenException.class);
        codingService.markDraftDone(studyId, other, "P01", true);
        assertThatThrownBy(() -> codingService.code(studyId, other, "P01", domainId, 40, 50, false))
                .hasMessage("coding.draft.done");
    }

    @Test
    void aCodingCannotBeStretchedPastTheEndOfItsCasesTranscript() {
        Coding coding = codingService.code(studyId, judge, "P01", domainId, 40, 50, false);
        assertThatThrownBy(() -> codingService.adjust(studyId, judge, coding.getId(), coding.getVersion(), 40, TEXT.length() + 1,
                null)).isInstanceOf(InvalidInputException.class);
        Coding adjusted = codingService.adjust(studyId, judge, coding.getId(), coding.getVersion(), 40, TEXT.length(), null);
        assertThat(adjusted.getEnd()).isEqualTo(TEXT.length());
    }

    @Test
    void aStaleEditIsRefusedAndTheOtherChangeIsKept() {
        Coding coding = codingService.code(studyId, judge, "P01", domainId, 40, 50, false);
        codingService.adjust(studyId, other, coding.getId(), coding.getVersion(), 40, 60, null);
        assertThatThrownBy(() -> codingService.adjust(studyId, judge, coding.getId(), coding.getVersion(), 45, 50, null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> codingService.remove(studyId, judge, coding.getId(), coding.getVersion()))
                .isInstanceOf(ConflictException.class);
        assertThat(codingService.caseCodings(studyId, lead, "P01").consensus()).singleElement()
                .satisfies(c -> assertThat(c.getEnd()).isEqualTo(60));
    }

    @Test
    void spansOutsideTheTextAndForeignDomainsAreRefused() {
        assertThatThrownBy(() -> codingService.code(studyId, judge, "P01", domainId, 10, TEXT.length() + 1, false))
                .isInstanceOf(InvalidInputException.class).hasMessage("coding.span.invalid");
        assertThatThrownBy(() -> codingService.code(studyId, judge, "P01", domainId, 10, 10, false)).hasMessage("coding.span.invalid");
        String elsewhere = data.user("elsewhere");
        long otherStudy = data.studyWithTeam(elsewhere, data.user("j"), data.user("a"));
        long foreignDomain = domainService.create(otherStudy, elsewhere, "Theirs", null, null).getId();
        assertThatThrownBy(() -> codingService.code(studyId, judge, "P01", foreignDomain, 10, 20, false))
                .hasMessage("coding.domain.unknown");
    }

    @Test
    void theCodingPageEndpointsRefuseAuditorsAndAnswerConflictsWith409() throws Exception {
        String url = "/studies/" + studyId + "/cases/P01/coding/codings";
        String body = "{\"domainId\": " + domainId + ", \"start\": 40, \"end\": 50}";
        mvc.perform(post(url).with(user(auditor)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).with(user(data.user("stranger"))).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        String created = mvc.perform(post(url).with(user(judge)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post(url + "/" + id).with(user(judge)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"start\": 40, \"end\": 55}")).andExpect(status().isOk());
        mvc.perform(post(url + "/" + id + "/delete").with(user(other)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Someone else changed this coding")));
        assertThat(codingService.caseCodings(studyId, lead, "P01").consensus()).singleElement()
                .satisfies(c -> assertThat(c.getEnd()).isEqualTo(55));
    }
}
