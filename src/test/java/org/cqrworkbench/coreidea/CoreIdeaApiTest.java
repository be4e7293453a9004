package org.cqrworkbench.coreidea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@FlowTest
class CoreIdeaApiTest {

    static final String TEXT = "Participant: C cried about her father.\n\nParticipant: I cried too and said sorry.\n\nParticipant: Later we talked about it.";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    CodingService codingService;

    String lead;
    String judge;
    String auditor;
    long studyId;
    long eventCoding;
    long consequenceCoding;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcripts.store(studyCase.getId(), TEXT, "P01.txt");
        long antecedents = domainService.create(studyId, lead, "Antecedents", null, null).getId();
        long event = domainService.create(studyId, lead, "Event", null, null).getId();
        long consequences = domainService.create(studyId, lead, "Consequences", null, null).getId();
        codingService.code(studyId, lead, "P01", antecedents, 13, 38, false);
        eventCoding = codingService.code(studyId, lead, "P01", event, TEXT.indexOf("I cried"), TEXT.indexOf("sorry.") + 6, false).getId();
        consequenceCoding = codingService.code(studyId, lead, "P01", consequences, TEXT.indexOf("Later"), TEXT.length(), false).getId();
    }

    @Test
    void judgesAddCoreIdeasLinkedToTheirRawDataAndEveryMemberReadsThemInDomainOrder() throws Exception {
        add(judge, "{\"domain\": \"consequences\", \"text\": \"C and P later talked about the tears.\", \"codings\": [" + consequenceCoding + "]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.domain").value("Consequences"))
                .andExpect(jsonPath("$.subsample").value("All cases"))
                .andExpect(jsonPath("$.codings", contains((int) consequenceCoding)));
        add(lead, "{\"domain\": \"Event\", \"text\": \"P cried and apologised.\", \"codings\": [" + eventCoding + "]}").andExpect(status().isCreated());
        mvc.perform(get(url()).with(httpBasic(auditor, TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].domain", contains("Event", "Consequences")))
                .andExpect(jsonPath("$[0].text").value("P cried and apologised."));
    }

    @Test
    void corePageStepsToThePreviousAndNextCaseOfTheSameSubsample() throws Exception {
        long therapists = caseService.addSubsample(studyId, lead, "Therapists", null).getId();
        long clients = caseService.subsamples(studyId, lead).get(0).id();
        caseService.createCase(studyId, lead, new CaseService.CaseForm("P02", null, null, java.util.Set.of(therapists)));
        caseService.createCase(studyId, lead, new CaseService.CaseForm("P03", null, null, java.util.Set.of(clients)));
        caseService.createCase(studyId, lead, new CaseService.CaseForm("P00", null, null, java.util.Set.of(clients)));

        String page = mvc.perform(get("/studies/" + studyId + "/cases/P01/core-ideas").param("subsample", String.valueOf(clients))
                        .with(SecurityMockMvcRequestPostProcessors.user(judge)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("← P00", "P03 →").doesNotContain("P02 →");
    }

    @Test
    void auditorsOutsidersAndAnonymousCannotAdd() throws Exception {
        String body = "{\"domain\": \"Event\", \"text\": \"P cried.\"}";
        add(auditor, body).andExpect(status().isForbidden());
        add(data.user("stranger"), body).andExpect(status().isNotFound());
        mvc.perform(post(url()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(get(url()).with(httpBasic(lead, TestData.PASSWORD))).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void badCoreIdeasAreRefusedWithAReason() throws Exception {
        add(judge, "{\"domain\": \"Event\", \"text\": \"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A core idea cannot be empty."));
        add(judge, "{\"domain\": \"Nowhere\", \"text\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is no domain named \"Nowhere\" in this study."));
        add(judge, "{\"domain\": \"Event\", \"text\": \"x\", \"codings\": [" + consequenceCoding + "]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Core ideas can only be linked to consensus codings of the same case and domain."));
        mvc.perform(get(url()).with(httpBasic(lead, TestData.PASSWORD))).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void exportedConsensusVersionListsEveryDomainWithItsRawDataAndCoreIdeasInOrder() throws Exception {
        add(judge, "{\"domain\": \"Consequences\", \"text\": \"They talked later.\", \"codings\": [" + consequenceCoding + "]}");
        add(judge, "{\"domain\": \"Event\", \"text\": \"P cried.\", \"codings\": [" + eventCoding + "]}");
        add(judge, "{\"domain\": \"Event\", \"text\": \"P apologised.\"}");
        byte[] docx = mvc.perform(get("/studies/" + studyId + "/cases/P01/consensus-version.docx")
                        .with(SecurityMockMvcRequestPostProcessors.user(auditor)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("Consensus version: P01",
                    "Antecedents", "Raw data", "C cried about her father.", "Core ideas",
                    "Event", "Raw data", "I cried too and said sorry.", "Core ideas", "1. P cried.", "2. P apologised.",
                    "Consequences", "Raw data", "Later we talked about it.", "Core ideas", "1. They talked later.");
        }
        byte[] all = mvc.perform(get("/studies/" + studyId + "/consensus-version.docx").with(SecurityMockMvcRequestPostProcessors.user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(all))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText).contains("Consensus version: P01");
        }
        mvc.perform(get("/studies/" + studyId + "/cases/P01/consensus-version.docx").with(SecurityMockMvcRequestPostProcessors.user(data.user("x"))))
                .andExpect(status().isNotFound());
    }

    private String url() {
        return "/api/studies/" + studyId + "/cases/P01/core-ideas";
    }

    private ResultActions add(String user, String body) throws Exception {
        return mvc.perform(post(url()).with(httpBasic(user, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
