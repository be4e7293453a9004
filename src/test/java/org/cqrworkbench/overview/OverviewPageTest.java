package org.cqrworkbench.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class OverviewPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    StudyService studies;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    CodingService codingService;
    @Autowired
    TranscriptService transcripts;

    @Test
    void theCodingGridShowsEachCasesSquaresStateAndStepsAndTheStripCountsTranscripts() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        String other = data.user("other");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        studies.addMember(studyId, lead, other, StudyRole.JUDGE);
        long antecedents = domainService.create(studyId, lead, "Antecedents", null, null).getId();
        long consequences = domainService.create(studyId, lead, "Consequences", null, null).getId();
        long p01 = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null)).getId();
        long p02 = caseService.createCase(studyId, lead, new CaseService.CaseForm("P02", null, null, null)).getId();
        caseService.createCase(studyId, lead, new CaseService.CaseForm("P03", null, null, null));
        transcripts.store(p01, "x".repeat(1000), "P01.txt");
        transcripts.store(p02, "y".repeat(1000), "P02.txt");
        codingService.code(studyId, judge, "P01", antecedents, 0, 40, false);
        codingService.code(studyId, judge, "P01", antecedents, 100, 130, false);
        codingService.code(studyId, judge, "P01", consequences, 200, 220, false);
        caseService.markStep(studyId, lead, p01, CaseStep.DOMAINS_CODED, true);
        caseService.setCodingMode(studyId, lead, p02, CodingMode.INDEPENDENT);
        codingService.code(studyId, judge, "P02", antecedents, 0, 500, false);
        codingService.code(studyId, other, "P02", antecedents, 0, 10, false);
        codingService.markDraftDone(studyId, other, "P02", true);

        String page = mvc.perform(get("/studies/" + studyId).with(user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<div class=\"meter\" role=\"img\" aria-label=\"3 cases, 2 with a transcript\">"
                + "<span class=\"cell done\" title=\"P01\"></span><span class=\"cell done\" title=\"P02\"></span>"
                + "<span class=\"cell\" title=\"P03\"></span></div>");
        assertThat(page).contains("<tr id=\"progress-P01\"><th scope=\"row\"><a href=\"/studies/" + studyId
                + "/cases/P01/coding\">P01</a></th><td class=\"lvl-2\"><span>2 codings, 7%</span></td>"
                + "<td class=\"lvl-1\"><span>1 coding, 2%</span></td><td class=\"state\"><span class=\"badge\">consensus</span> </td>"
                + "<td class=\"step done\">&#10003;</td><td class=\"step\"></td><td class=\"step\"></td><td class=\"step\"></td></tr>");
        assertThat(page).as("drafts are not the consensus")
                .contains("<tr id=\"progress-P02\"><th scope=\"row\"><a href=\"/studies/" + studyId + "/cases/P02/coding\">P02</a></th>"
                        + "<td class=\"lvl-0\"><span>not coded</span></td><td class=\"lvl-0\"><span>not coded</span></td>"
                        + "<td class=\"state\"><span>drafts: 1 of 2 done</span> </td>");
        assertThat(page).contains("<td class=\"state\"><span class=\"hint\">no transcript</span> </td>");
        assertThat(page).as("the tooltips' wording, for app.js")
                .contains("data-square-title=\"{0}, {1}: {2}\"").contains("data-step-title=\"{0}: {1}\"");
    }

    @Test
    void theStepsOfAnotherStudysCaseAreNotReadThroughThisStudy() {
        String lead = data.user("lead");
        long studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        long p01 = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null)).getId();
        String elsewhere = data.user("elsewhere");
        long otherStudy = data.studyWithTeam(elsewhere, data.user("j"), data.user("a"));
        long theirCase = caseService.createCase(otherStudy, elsewhere, new CaseService.CaseForm("Q01", null, null, null)).getId();
        caseService.markStep(otherStudy, elsewhere, theirCase, CaseStep.DOMAINS_CODED, true);
        caseService.markStep(studyId, lead, p01, CaseStep.CORE_IDEAS_DRAFTED, true);

        assertThat(caseService.steps(otherStudy, elsewhere, theirCase)).containsExactly(CaseStep.DOMAINS_CODED);
        assertThat(caseService.steps(studyId, lead, theirCase)).isEmpty();
        assertThat(caseService.steps(studyId, lead)).containsOnlyKeys(p01);
        assertThat(caseService.steps(otherStudy, elsewhere)).containsOnlyKeys(theirCase);
    }
}
