package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.DomainService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workspace of one domain as each role gets it: on a small domain every core idea at once, on a large one the
 * cases closed, each case's core ideas on their own request, and the cases the page had open kept open.
 */
@FlowTest
class WorkspacePageTest {

    private static final String CHECKBOX = "<input\\s+type=\"checkbox\" name=\"idea\"";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    CategoryService categoryService;
    @Autowired
    CategoryRepository categories;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
    }

    @Test
    void theStepStartsAtTheFirstDomainsWorkspace() throws Exception {
        importSmall();
        long first = domainService.domains(studyId, lead).get(0).getId();
        long subsample = caseService.design(studyId, lead).defaultSubsample().id();
        mvc.perform(get("/studies/" + studyId + "/cross-analysis").with(user(judge)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/studies/" + studyId + "/cross-analysis/domains/" + first + "?subsample=" + subsample));
        mvc.perform(get("/studies/" + studyId + "/cross-analysis").with(user(data.user("outsider"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSmallDomainListsEveryCoreIdeaWithItsCategoriesAndOnlyEditorsGetTheirTools() throws Exception {
        importSmall();
        String forJudge = page(judge, null);
        assertThat(count(forJudge, "<details class=\"case\"[^>]* open")).isEqualTo(3);
        assertThat(count(forJudge, CHECKBOX)).isEqualTo(3);
        assertThat(forJudge).contains("id=\"place-form\"", "id=\"category-tools\"", "id=\"remove-form\"",
                "class=\"g\" value=\"", ">Tears</button>", "class=\"n\">not in a category</span>");

        String forAuditor = page(auditor, null);
        assertThat(forAuditor).doesNotContain("id=\"place-form\"", "id=\"category-tools\"", "type=\"checkbox\"")
                .contains("id=\"placement-comment\"", "data-act=\"comment\"", ">Tears</button>");
        assertThat(count(forAuditor, "<li(?: class=\"u\")? data-id=\"\\d+\"(?: class=\"u\")?>")).isEqualTo(3);
    }

    @Test
    void everyListOfCategoriesOffersEachCategoryOfTheDomainByNameEscaped() throws Exception {
        importSmall();
        Category tears = categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream()
                .filter(c -> c.getName().equals("Tears")).findFirst().orElseThrow();
        Category sobbing = categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream()
                .filter(c -> c.getName().equals("Sobbing")).findFirst().orElseThrow();
        categoryService.describe(studyId, lead, sobbing.getId(), sobbing.getVersion(), "Sobbing <loudly> & long", null);

        String forLead = page(lead, null);
        String tearsOption = "<option value=\"" + tears.getId() + "\">Tears</option>";
        String sobbingOption = "<option value=\"" + sobbing.getId() + "\">Sobbing &lt;loudly&gt; &amp; long</option>";
        // Merge (two lists), nest (two lists) and the new category's parent.
        assertThat(count(forLead, Pattern.quote(tearsOption))).isEqualTo(5);
        assertThat(count(forLead, Pattern.quote(sobbingOption))).isEqualTo(5);
        assertThat(forLead).doesNotContain(">Relief</option>");
        String forAuditor = page(auditor, null);
        assertThat(count(forAuditor, Pattern.quote(tearsOption))).as("comment on a placement: category and suggestion")
                .isEqualTo(2);
    }

    @Test
    void onlyUnplacedListsTheCoreIdeasNotYetInACategory() throws Exception {
        importSmall();
        String html = mvc.perform(get(workspace()).param("unplaced", "true").with(user(judge)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(html, CHECKBOX)).isEqualTo(1);
        assertThat(html).contains("P03").doesNotContain(">P01<");
    }

    @Test
    void aStudyWithTwoSubsamplesOffersBothAndListsTheChosenOnesCasesInTheOrderOfTheirCodes() throws Exception {
        importer.importFile(studyId, lead, "two.csv", ("Case,Domain,Category,Core idea,Subsample\n"
                + "P03,Event,Tears,c3,As client\nP01,Event,Tears,a1,As client\nP02,Event,Tears,b2,As therapist\n")
                .getBytes(StandardCharsets.UTF_8));
        var subsamples = caseService.design(studyId, lead).subsamples();
        long client = subsamples.get(0).id();
        long therapist = subsamples.get(1).id();

        String asClient = mvc.perform(get(workspace()).param("subsample", String.valueOf(client)).with(user(judge)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asClient).contains("<option value=\"" + client + "\" selected=\"selected\">As client (N = 2)</option>",
                "<option value=\"" + therapist + "\">As therapist (N = 1)</option>", ">Compare subsamples</a>");
        assertThat(asClient.indexOf(">P01<")).isPositive().isLessThan(asClient.indexOf(">P03<"));
        assertThat(asClient).doesNotContain(">P02<", ">b2<");

        String asTherapist = mvc.perform(get(workspace()).param("subsample", String.valueOf(therapist)).with(user(judge)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asTherapist).contains(">P02<").doesNotContain(">P01<", ">P03<");
        mvc.perform(get(workspace()).param("subsample", "999999").with(user(judge))).andExpect(status().isNotFound());
    }

    @Test
    void aLargeDomainListsItsCasesClosedAndOpensThoseThePageHadOpen() throws Exception {
        StringBuilder csv = new StringBuilder("Case,Domain,Category,Core idea\n");
        for (int c = 1; c <= 20; c++) {
            for (int i = 1; i <= 16; i++) {
                csv.append("P%02d,Event,Tears,Idea %d of P%02d%n".formatted(c, i, c));
            }
        }
        importer.importFile(studyId, lead, "large.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        long p02 = caseId("P02");

        String closed = page(judge, null);
        assertThat(count(closed, "<details class=\"case\"")).isEqualTo(20);
        assertThat(count(closed, "<details class=\"case\"[^>]* open")).isZero();
        assertThat(count(closed, CHECKBOX)).isZero();
        assertThat(closed).contains("data-lazy=\"true\"", "16 core ideas");

        String reopened = page(judge, p02 + "," + caseId("P05"));
        assertThat(count(reopened, "<details class=\"case\"[^>]* open")).isEqualTo(2);
        assertThat(count(reopened, CHECKBOX)).isEqualTo(32);
        assertThat(reopened).contains("Idea 16 of P02", "Idea 1 of P05").doesNotContain("of P03");

        String group = mvc.perform(get(workspace() + "/cases/" + p02).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(group.strip()).startsWith("<ul class=\"ideas\">").doesNotContain("<html", "of P03");
        assertThat(count(group, "<li data-id=\"\\d+\">Idea \\d+ of P02\n<button")).isEqualTo(16);
        mvc.perform(get(workspace() + "/cases/" + p02).with(user(data.user("outsider")))).andExpect(status().isNotFound());
    }

    private void importSmall() {
        importer.importFile(studyId, lead, "small.csv", ("Case,Domain,Category,Core idea\n"
                + "P01,Event,Tears,a1\nP02,Event,Tears,b2\nP02,Event,Sobbing,b2\nP03,Event,Tmp,c3\n"
                + "P01,Later,Relief,d1\n").getBytes(StandardCharsets.UTF_8));
        // Without its helper category, "c3" waits for one.
        long tmp = categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream().filter(c -> c.getName().equals("Tmp"))
                .findFirst().orElseThrow().getId();
        categoryService.delete(studyId, lead, tmp);
    }

    private String workspace() {
        long event = domainService.domains(studyId, lead).stream().filter(d -> d.getName().equals("Event")).findFirst()
                .orElseThrow().getId();
        return "/studies/" + studyId + "/cross-analysis/domains/" + event;
    }

    private String page(String username, String openCases) throws Exception {
        var request = get(workspace()).with(user(username));
        if (openCases != null) {
            request.header("X-Open-Cases", openCases);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long caseId(String code) {
        return caseService.design(studyId, lead).cases().stream().filter(c -> c.getCode().equals(code))
                .map(StudyCase::getId).findFirst().orElseThrow();
    }

    private static int count(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
