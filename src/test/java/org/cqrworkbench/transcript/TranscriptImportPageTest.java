package org.cqrworkbench.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.Subsample;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.transcript.TranscriptService.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@FlowTest
class TranscriptImportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    CodingService codingService;
    @Autowired
    TranscriptService transcriptService;
    @Autowired
    TranscriptRepository transcripts;

    String lead;
    String judge;
    String auditor;
    long studyId;
    /** The cookie of this test's HTTP session, kept in the database by Spring Session; null until one is issued. */
    Cookie sessionCookie;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        caseService.createCase(studyId, lead, new CaseForm("P01", null, null, null));
        caseService.createCase(studyId, lead, new CaseForm("P02", null, null, null));
    }

    @Test
    void filesGoToTheCaseOfTheSameNameIgnoringLetterCase() throws Exception {
        inSession(upload(judge, txt("p01.txt", "Participant: One."), txt("P02.TXT", "Participant: Two.")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Imported 2 transcripts."));
        assertThat(body("P01")).contains("Participant: One.");
        assertThat(body("P02")).contains("Participant: Two.");
    }

    @Test
    void anUnknownNameAsksBeforeCreatingTheCaseAndStoresNothingUntilConfirmed() throws Exception {
        MvcResult asked = inSession(upload(lead, txt("P01.txt", "Participant: One."), txt("P09.txt", "Participant: Nine.")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Create case P09")))
                .andReturn();
        assertThat(body("P01")).isEmpty();
        assertThat(caseCodes()).containsExactly("P01", "P02");

        inSession(post("/studies/" + studyId + "/transcripts/import/confirm")
                        .param("token", token(asked)).param("create", "1").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Imported 2 transcripts."));
        assertThat(caseCodes()).containsExactly("P01", "P02", "P09");
        assertThat(body("P09")).contains("Participant: Nine.");
        assertThat(body("P01")).contains("Participant: One.");
    }

    @Test
    void leavingTheNewCaseUntickedImportsOnlyTheOthers() throws Exception {
        MvcResult asked = inSession(upload(lead, txt("P01.txt", "Participant: One."), txt("P09.txt", "Participant: Nine.")))
                .andReturn();
        inSession(post("/studies/" + studyId + "/transcripts/import/confirm")
                        .param("token", token(asked)).with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(caseCodes()).containsExactly("P01", "P02");
        assertThat(body("P01")).contains("Participant: One.");
    }

    @Test
    void aBadFileInTheBatchStoresNothingAndTheMessageNamesIt() throws Exception {
        var binary = new MockMultipartFile("files", "P02.txt", "text/plain", new byte[] {'M', 'Z', 0, 0, 3, 0});
        inSession(upload(lead, txt("P01.txt", "Participant: One."), binary))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", org.hamcrest.Matchers.startsWith("P02.txt: The file holds binary data")));
        assertThat(body("P01")).isEmpty();
        assertThat(body("P02")).isEmpty();
    }

    @Test
    void aRefusalAtConfirmationUndoesTheWholeBatchIncludingNewCases() throws Exception {
        String old = "Participant: I cried in session.\n\nParticipant: My supervisor was kind.";
        transcriptService.put(studyId, lead, "P02", transcriptService.paste(old), Consent.NONE);
        Domain event = domainService.create(studyId, lead, "Event", null, null);
        codingService.code(studyId, lead, "P02", event.getId(), old.indexOf("My"), old.length(), true);

        MvcResult asked = inSession(upload(lead, txt("P09.txt", "Participant: Nine."),
                        txt("P02.txt", "Participant: I cried in session.\n\nParticipant: Nobody noticed.")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("My supervisor was kind.")))
                .andReturn();
        inSession(post("/studies/" + studyId + "/transcripts/import/confirm")
                        .param("token", token(asked)).param("create", "0").param("replace", "1")
                        .with(user(lead)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", org.hamcrest.Matchers.startsWith("P02.txt: Some codings of case P02")));
        assertThat(caseCodes()).containsExactly("P01", "P02");
        assertThat(body("P02")).contains(old);

        inSession(post("/studies/" + studyId + "/transcripts/import/confirm")
                        .param("token", token(asked)).param("create", "0").param("replace", "1").param("noted", "1")
                        .with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("outcomes"));
        assertThat(caseCodes()).containsExactly("P01", "P02", "P09");
        assertThat(body("P02")).contains("Nobody noticed.");
    }

    @Test
    void auditorsMayNotImport() throws Exception {
        mvc.perform(get("/studies/" + studyId + "/transcripts/import").with(user(auditor))).andExpect(status().isForbidden());
        inSession(upload(auditor, txt("P01.txt", "Participant: One."))).andExpect(status().isForbidden());
        mvc.perform(multipart("/studies/" + studyId + "/cases/P01/transcript").param("text", "Participant: One.")
                .with(user(auditor)).with(csrf())).andExpect(status().isForbidden());
        assertThat(body("P01")).isEmpty();
    }

    @Test
    void replacingOnTheCasePageWarnsWithTheNumberOfCodingsFirst() throws Exception {
        String old = "Participant: I cried in session.\n\nParticipant: My supervisor was kind.";
        transcriptService.put(studyId, lead, "P01", transcriptService.paste(old), Consent.NONE);
        Domain event = domainService.create(studyId, lead, "Event", null, null);
        codingService.code(studyId, lead, "P01", event.getId(), 13, 20, true);
        codingService.code(studyId, lead, "P01", event.getId(), old.indexOf("My"), old.length(), true);
        String url = "/studies/" + studyId + "/cases/P01/transcript";

        MvcResult warned = inSession(multipart(url).param("text", "Participant: I cried in session.\r\n\r\nParticipant: Nobody noticed.")
                        .with(user(judge)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Case P01 has 2 codings.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("My supervisor was kind.")))
                .andReturn();
        assertThat(body("P01")).contains(old);

        inSession(post(url + "/confirm").param("token", token(warned)).with(user(judge)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", org.hamcrest.Matchers.startsWith("Some codings of case P01")));
        assertThat(body("P01")).contains(old);

        MvcResult replaced = inSession(post(url + "/confirm").param("token", token(warned)).param("noted", "true")
                        .with(user(judge)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var outcome = (TranscriptService.Outcome) replaced.getFlashMap().get("outcome");
        assertThat(outcome.unplaced()).extracting(UnplacedCoding::domain, UnplacedCoding::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Event", "My supervisor was kind."));
        assertThat(body("P01")).contains("Participant: I cried in session.\n\nParticipant: Nobody noticed.");
    }

    @Test
    void pastedTextGoesStraightIntoACaseWithoutTranscript() throws Exception {
        mvc.perform(multipart("/studies/" + studyId + "/cases/P01/transcript").param("text", "Interviewer: Hi.\r\n\r\nParticipant: Hello.")
                        .with(user(judge)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Transcript of P01 imported: 4 words."));
        assertThat(body("P01")).contains("Interviewer: Hi.\n\nParticipant: Hello.");
        mvc.perform(multipart("/studies/" + studyId + "/cases/P02/transcript").param("text", "  \n ")
                        .with(user(judge)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", "The transcript is empty."));
        assertThat(body("P02")).isEmpty();
    }

    @Test
    void partsMarkedOnThePageShowAsHeadingsAboveTheirTurns() throws Exception {
        Subsample client = caseService.addSubsample(studyId, lead, "Cried as client", null);
        StudyCase p01 = caseService.caseByCode(studyId, lead, "P01");
        long allCases = caseService.design(studyId, lead).defaultSubsample().id();
        caseService.updateCase(studyId, lead, p01.getId(), p01.getVersion(),
                new CaseForm("P01", null, null, Set.of(allCases, client.getId())));
        String text = "Interviewer: First?\n\nParticipant: Yes.\n\nInterviewer: As a client?\n\nParticipant: Also yes.";
        transcriptService.put(studyId, lead, "P01", transcriptService.paste(text), Consent.NONE);
        long version = transcripts.findByCaseId(p01.getId()).orElseThrow().getVersion();
        String url = "/studies/" + studyId + "/cases/P01/transcript";

        mvc.perform(post(url + "/parts").param("version", String.valueOf(version))
                        .param("at", "0", "21", "40", "66")
                        .param("subsample", String.valueOf(allCases), "", String.valueOf(client.getId()), "")
                        .with(user(judge)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "The parts have been saved."));
        mvc.perform(get(url).with(user(auditor)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Part: All cases")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Part: Cried as client")));
        assertThat(parts(p01)).containsExactly(new TranscriptParts.Part(allCases, 0, 40),
                new TranscriptParts.Part(client.getId(), 40, text.length()));
    }

    @Autowired
    TranscriptParts transcriptParts;

    private List<TranscriptParts.Part> parts(StudyCase studyCase) {
        return transcriptParts.divisionOf(caseService.caseByCode(studyId, lead, studyCase.getCode())).parts();
    }

    /** Performs the request in this test's session, as a browser would with its session cookie. */
    private ResultActions inSession(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (sessionCookie != null) {
            request.cookie(sessionCookie);
        }
        ResultActions result = mvc.perform(request);
        Cookie issued = result.andReturn().getResponse().getCookie("SESSION");
        if (issued != null) {
            sessionCookie = issued;
        }
        return result;
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String username,
            MockMultipartFile... files) {
        var request = multipart("/studies/" + studyId + "/transcripts/import");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.with(user(username)).with(csrf());
        return request;
    }

    private static MockMultipartFile txt(String name, String text) {
        return new MockMultipartFile("files", name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(MvcResult result) {
        return ((PendingImport) result.getModelAndView().getModel().get("pending")).token();
    }

    /** The case's transcript, or "" when it has none. */
    private String body(String code) {
        return caseService.design(studyId, lead).cases().stream().filter(c -> c.getCode().equals(code)).findFirst()
                .flatMap(c -> transcripts.findByCaseId(c.getId())).map(Transcript::getBody).orElse("");
    }

    private List<String> caseCodes() {
        return caseService.design(studyId, lead).cases().stream().map(StudyCase::getCode).toList();
    }
}
