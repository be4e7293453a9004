package org.cqrworkbench.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.cases.Subsample;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.transcript.TranscriptParts.Boundary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@FlowTest
class TranscriptApiTest {

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
    TranscriptParts parts;
    @Autowired
    TranscriptRepository transcripts;

    String lead;
    String judge;
    String auditor;
    String outsider;
    long studyId;

    @BeforeEach
    void team() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        outsider = data.user("outsider");
        studyId = data.studyWithTeam(lead, judge, auditor);
        for (String code : List.of("P01", "P02", "P03")) {
            caseService.createCase(studyId, lead, new CaseForm(code, null, null, null));
        }
    }

    @Test
    void leadsAndJudgesImportAuditorsMayNotOutsidersAreToldNothingAndStrangersMustSignIn() throws Exception {
        upload(lead, "P01", "P01.txt", "Interviewer: Hello.\r\n\r\nParticipant: Hi there.")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseCode").value("P01"))
                .andExpect(jsonPath("$.characters").value(43))
                .andExpect(jsonPath("$.words").value(5))
                .andExpect(jsonPath("$.unplaced").doesNotExist());
        upload(judge, "P02", "anything.txt", "Participant: Fine.").andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseCode").value("P02"));
        upload(auditor, "P03", "P03.txt", "Participant: Fine.").andExpect(status().isForbidden());
        upload(outsider, "P03", "P03.txt", "Participant: Fine.").andExpect(status().isNotFound());
        mvc.perform(multipart(base() + "/cases/P03/transcript").file(file("P03.txt", "x")))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(outsider, get(base() + "/cases/P01/transcript"))).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/cases/P01/transcript")).andExpect(status().isUnauthorized());
        mvc.perform(as(auditor, get(base() + "/cases/P01/transcript"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("Interviewer: Hello.\n\nParticipant: Hi there."));
        assertThat(transcripts.findByCaseId(caseService.caseByCode(studyId, lead, "P03").getId())).isEmpty();
    }

    @Test
    void offsetsAreUnicodeCodePointsSoAnEmojiBeforeACodingCountsOnce() throws Exception {
        String text = "Participant: 😢😢 I cried in session.";
        upload(lead, "P01", "P01.txt", text).andExpect(status().isCreated())
                .andExpect(jsonPath("$.characters").value(text.codePointCount(0, text.length())));
        Domain event = domainService.create(studyId, lead, "Event", null, null);
        int start = text.indexOf("I cried");
        codingService.code(studyId, lead, "P01", event.getId(), start, start + "I cried".length(), true);

        // Each emoji is two UTF-16 units but one code point, so the API's offsets are two less than Java's.
        mvc.perform(as(judge, get(base() + "/cases/P01/transcript")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseCode").value("P01"))
                .andExpect(jsonPath("$.codings", hasSize(1)))
                .andExpect(jsonPath("$.codings[0].start").value(start - 2))
                .andExpect(jsonPath("$.codings[0].end").value(start - 2 + 7))
                .andExpect(jsonPath("$.codings[0].domain").value("Event"))
                .andExpect(jsonPath("$.codings[0].subsample").value("All cases"));
    }

    @Test
    void aCodingTakesTheSubsampleOfThePartItStartsIn() throws Exception {
        Subsample client = caseService.addSubsample(studyId, lead, "Cried as client", null);
        Subsample therapist = caseService.addSubsample(studyId, lead, "Therapist cried", null);
        long p01 = caseService.caseByCode(studyId, lead, "P01").getId();
        caseService.updateCase(studyId, lead, p01, caseService.caseByCode(studyId, lead, "P01").getVersion(),
                new CaseForm("P01", null, null, Set.of(client.getId(), therapist.getId())));
        String text = "Interviewer: As a client?\n\nParticipant: I cried.\n\nInterviewer: Your therapist?\n\nParticipant: She cried.";
        upload(lead, "P01", "P01.txt", text).andExpect(status().isCreated());
        parts.divide(studyId, judge, "P01", transcripts.findByCaseId(p01).orElseThrow().getVersion(),
                List.of(new Boundary(0, client.getId()), new Boundary(text.indexOf("Interviewer: Your"), therapist.getId())));
        Domain event = domainService.create(studyId, lead, "Event", null, null);
        codingService.code(studyId, lead, "P01", event.getId(), text.indexOf("I cried"), text.indexOf("I cried") + 7, true);
        codingService.code(studyId, lead, "P01", event.getId(), text.indexOf("She cried"), text.indexOf("She cried") + 9, true);

        mvc.perform(as(lead, get(base() + "/cases/P01/transcript")))
                .andExpect(jsonPath("$.codings[0].subsample").value("Cried as client"))
                .andExpect(jsonPath("$.codings[1].subsample").value("Therapist cried"));
    }

    @Test
    void replacingATranscriptWithCodingsAnswers409UnlessReplaceIsAskedForThenListsWhatCouldNotBePlaced() throws Exception {
        String text = "Participant: I cried in session.\n\nParticipant: My supervisor was kind.";
        upload(lead, "P01", "P01.txt", text).andExpect(status().isCreated());
        Domain event = domainService.create(studyId, lead, "Event", null, null);
        Domain after = domainService.create(studyId, lead, "Consequences", null, null);
        codingService.code(studyId, lead, "P01", event.getId(), text.indexOf("I cried"), text.indexOf(" in session"), true);
        codingService.code(studyId, lead, "P01", after.getId(), text.indexOf("My"), text.length(), true);
        String changed = "Interviewer: Welcome.\n\nParticipant: I cried in session.\n\nParticipant: Nobody said anything.";

        upload(judge, "P01", "P01-v2.txt", changed)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2 codings")));
        mvc.perform(as(judge, multipart(base() + "/cases/P01/transcript").file(file("P01-v2.txt", changed)).param("replace", "true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseCode").value("P01"))
                .andExpect(jsonPath("$.unplaced", hasSize(1)))
                .andExpect(jsonPath("$.unplaced[0].domain").value("Consequences"))
                .andExpect(jsonPath("$.unplaced[0].text").value("My supervisor was kind."));
        mvc.perform(as(lead, get(base() + "/cases/P01/transcript")))
                .andExpect(jsonPath("$.text").value(changed))
                .andExpect(jsonPath("$.codings", hasSize(1)))
                .andExpect(jsonPath("$.codings[0].start").value(changed.indexOf("I cried")));
    }

    @Test
    void aBadFileIsRefusedWithAMessageNamingItAndNothingIsStored() throws Exception {
        mvc.perform(as(lead, multipart(base() + "/cases/P01/transcript")
                        .file(new MockMultipartFile("file", "P01.txt", "text/plain", new byte[] {'a', (byte) 0xC3, 'b'}))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("P01.txt: The file is not UTF-8 text")));
        upload(lead, "P01", "P01.txt", " \n ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("P01.txt: The transcript is empty."));
        mvc.perform(as(lead, multipart(base() + "/cases/P01/transcript"))).andExpect(status().isBadRequest());
        upload(lead, "P99", "P99.txt", "Participant: hello").andExpect(status().isNotFound());
        assertThat(transcripts.findByCaseId(caseService.caseByCode(studyId, lead, "P01").getId())).isEmpty();
    }

    private ResultActions upload(String user, String caseCode, String fileName, String text) throws Exception {
        return mvc.perform(as(user, multipart(base() + "/cases/" + caseCode + "/transcript").file(file(fileName, text))));
    }

    private static MockMultipartFile file(String name, String text) {
        return new MockMultipartFile("file", name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "/api/studies/" + studyId;
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request) {
        return request.with(httpBasic(username, TestData.PASSWORD));
    }
}
