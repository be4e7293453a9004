package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@FlowTest
class DomainsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DomainService service;
    @Autowired
    CodingRepository codings;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    StudyAccess access;

    String lead;
    String judge;
    String auditor;
    long studyId;
    long eventId;
    long afterId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        eventId = service.create(studyId, lead, "Event", "What happened in the session", null).getId();
        service.create(studyId, lead, "Onset", null, eventId);
        afterId = service.create(studyId, lead, "After", null, null).getId();
        long caseId = caseService.createCase(studyId, lead, new CaseForm("P01", java.util.Map.of(), null, null)).getId();
        transcripts.store(caseId, "P: I cried when my client spoke of her loss, and we sat quietly for a long while after that.",
                "P01.txt");
        long judgeId = access.member(studyId, judge).getUser().getId();
        codings.save(new Coding(studyId, caseId, eventId, 3, 60, Layer.CONSENSUS, null, judgeId, Instant.now()));
    }

    @Test
    void everyMemberSeesDefinitionsSubdomainsAndCountsButOnlyEditorsGetTheForms() throws Exception {
        mvc.perform(get(page()).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What happened in the session")))
                .andExpect(content().string(containsString("1 coding · no core ideas · no categories")))
                .andExpect(content().string(containsString("class=\"domain depth-2\" id=\"domain-")))
                .andExpect(content().string(not(containsString("id=\"add-domain\""))))
                .andExpect(content().string(not(containsString("id=\"outline-form\""))))
                .andExpect(content().string(not(containsString("/move\""))));
        mvc.perform(get(page()).with(user(judge)))
                .andExpect(content().string(containsString("id=\"add-domain\"")))
                .andExpect(content().string(containsString("id=\"add-other\"")))
                .andExpect(content().string(containsString("Move After up")));
    }

    @Test
    void aStaleRenameShowsTheOtherChangeAndQuotesTheRefusedOne() throws Exception {
        long version = service.domain(studyId, lead, afterId).getVersion();
        service.describe(studyId, lead, afterId, version, "Aftermath", null);

        MvcResult refused = mvc.perform(post(page() + "/" + afterId).with(user(judge)).with(csrf())
                        .param("version", String.valueOf(version)).param("name", "Consequences").param("definition", "Mine"))
                .andExpect(redirectedUrl(page() + "#domain-" + afterId))
                .andExpect(flash().attribute("error", "Someone else changed the domain Aftermath meanwhile, so your change "
                        + "was not saved. The page shows their version; make your change again if it still applies."))
                .andReturn();
        // The refused input waits in the session for the next page, which the browser asks for with its session cookie.
        String shown = mvc.perform(get(page()).with(user(judge)).cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();

        assertThat(shown).contains("value=\"Aftermath\"").contains("class=\"conflict\"").contains("Consequences");
        assertThat(service.domain(studyId, lead, afterId).getName()).isEqualTo("Aftermath");
    }

    @Test
    void refusedInputIsShownInThePageAndChangesNothing() throws Exception {
        long version = service.domain(studyId, lead, afterId).getVersion();
        mvc.perform(post(page() + "/" + afterId).with(user(judge)).with(csrf())
                        .param("version", String.valueOf(version)).param("name", "event"))
                .andExpect(flash().attribute("error", "There is already a domain named Event."));
        mvc.perform(post(page() + "/" + eventId + "/delete").with(user(judge)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("Event still holds 1 coding")));
        mvc.perform(post(page() + "/outline").with(user(judge)).with(csrf()).param("outline", "Fine\n" + "x".repeat(300)))
                .andExpect(flash().attribute("error", "Line 2: The text is too long: at most 200 characters. Nothing was added."))
                .andExpect(flash().attribute("outline", "Fine\n" + "x".repeat(300)));
        assertThat(names()).containsExactly("Event", "Onset", "After");
    }

    @Test
    void theSplitPageListsTheDomainsCodingsByTheirFirstWordsAndSaysWhichCoreIdeasFollow() throws Exception {
        mvc.perform(get(page() + "/" + eventId + "/split").with(user(judge)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("P01")))
                .andExpect(content().string(containsString("I cried when my client spoke of her loss, and we sat …")))
                .andExpect(content().string(containsString("Core ideas written only from the chosen codings move with them")));
    }

    @Test
    void anAuditorIsRefusedEveryChangeToTheDomainList() throws Exception {
        long codingId = codings.findByDomainId(eventId).get(0).getId();
        long version = service.domain(studyId, lead, afterId).getVersion();
        List<AbstractMockHttpServletRequestBuilder<?>> changes = List.of(
                post(page()).param("name", "Mine"),
                post(page() + "/other"),
                post(page() + "/outline").param("outline", "Mine"),
                multipart("/studies/" + studyId + "/codebook").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        "Domain\nMine\n".getBytes(StandardCharsets.UTF_8))),
                post(page() + "/" + afterId).param("version", String.valueOf(version)).param("name", "Mine"),
                post(page() + "/" + afterId + "/move").param("direction", "up"),
                post(page() + "/" + afterId + "/nest").param("version", String.valueOf(version)).param("parentId", String.valueOf(eventId)),
                post(page() + "/" + afterId + "/merge").param("targetId", String.valueOf(eventId)),
                post(page() + "/" + eventId + "/split").param("coding", String.valueOf(codingId)).param("name", "Mine"),
                post(page() + "/" + afterId + "/delete"),
                get(page() + "/" + eventId + "/split"));
        for (AbstractMockHttpServletRequestBuilder<?> change : changes) {
            mvc.perform(change.with(user(auditor)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(names()).containsExactly("Event", "Onset", "After");
        assertThat(codings.findById(codingId).orElseThrow().getDomainId()).isEqualTo(eventId);
    }

    @Test
    void theDomainsTabSitsBetweenCasesAndCrossAnalysis() throws Exception {
        String html = mvc.perform(get(page()).with(user(auditor))).andReturn().getResponse().getContentAsString();
        String tabs = html.substring(html.indexOf("aria-label=\"Study\""));
        assertThat(tabs.indexOf(">Cases<")).isLessThan(tabs.indexOf(">Domains<"));
        assertThat(tabs.indexOf(">Domains<")).isLessThan(tabs.indexOf(">Cross-analysis<"));
    }

    @Test
    void markupTypedIntoDomainNamesAndDefinitionsIsShownAsTextNeverRun() throws Exception {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        service.create(studyId, judge, hostile, hostile, null);
        mvc.perform(get(page()).with(user(judge)))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    private List<String> names() {
        return service.domains(studyId, lead).stream().map(Domain::getName).toList();
    }

    private String page() {
        return "/studies/" + studyId + "/domains";
    }
}
