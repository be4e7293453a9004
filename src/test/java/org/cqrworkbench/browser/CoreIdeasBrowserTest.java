package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class CoreIdeasBrowserTest extends BrowserTest {

    static final String TEXT = "Interviewer: What happened?\n\n"
            + "Participant: My client spoke of her father's funeral and I thought of my grandmother.\n\n"
            + "Participant: I felt tears come and could not stop them.";

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    TranscriptService transcriptService;
    @Autowired
    CodingService codingService;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CoreIdeaEditing editing;

    @Test
    void judgeWritesLinksAndEditsCoreIdeasAndASimultaneousEditIsRefusedWithBothTexts() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcriptService.store(studyCase.getId(), TEXT, "P01.txt");
        long antecedents = domainService.create(studyId, lead, "Antecedents", "What led up to the crying.", null).getId();
        int first = TEXT.indexOf("My client");
        long codingId = codingService.code(studyId, lead, "P01", antecedents, first, TEXT.indexOf(".\n\nParticipant: I felt") + 1, false).getId();

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cases/P01/core-ideas");
        WebElement raw = byId("raw-" + codingId);
        assertThat(raw.getText()).contains("no core idea yet").contains("father's funeral");

        raw.findElement(By.cssSelector("input[type=checkbox]")).click();
        byId("new-idea-text").sendKeys("C's talk of her father's funeral reminded P of her grandmother.");
        browser.findElement(By.cssSelector("#new-idea button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.core-idea")));
        List<CoreIdea> saved = coreIdeas.findByCaseIdOrderByDomainIdAscPositionAscIdAsc(studyCase.getId());
        assertThat(saved).singleElement().satisfies(i -> assertThat(i.getCodingIds()).containsExactly(codingId));
        assertThat(byId("raw-" + codingId).getText()).doesNotContain("no core idea yet");

        // Choosing the core idea shows the raw data it came from.
        WebElement idea = byId("idea-" + saved.get(0).getId());
        idea.findElement(By.tagName("textarea")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("raw-" + codingId), "class", "shown"));
        screenshot("core-ideas");

        // Someone else saves first; this judge's save is refused and both texts are shown.
        CoreIdea current = saved.get(0);
        editing.rewrite(studyId, lead, current.getId(), current.getVersion(), "C's father's funeral brought P's grandmother to mind.");
        WebElement box = idea.findElement(By.tagName("textarea"));
        box.clear();
        box.sendKeys("P thought of her grandmother when C spoke of the funeral.");
        idea.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.core-idea .conflict")));
        assertThat(conflict.getText()).contains("C's father's funeral brought P's grandmother to mind.")
                .contains("P thought of her grandmother when C spoke of the funeral.");
        assertThat(coreIdeas.findById(current.getId()).orElseThrow().getBody())
                .isEqualTo("C's father's funeral brought P's grandmother to mind.");
        screenshot("core-ideas-conflict");

        // Saving again, knowingly, keeps this judge's text.
        browser.findElement(By.cssSelector("li.core-idea button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li.core-idea .conflict")));
        assertThat(coreIdeas.findById(current.getId()).orElseThrow().getBody())
                .isEqualTo("P thought of her grandmother when C spoke of the funeral.");
    }
}
