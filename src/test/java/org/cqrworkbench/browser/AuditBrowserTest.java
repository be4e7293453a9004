package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A full audit round with a judge and an auditor each in their own browser. */
class AuditBrowserTest extends BrowserTest {

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
    CoreIdeaEditing coreIdeas;
    @Autowired
    CoreIdeaRepository coreIdeaRepository;

    @Test
    void judgeSubmitsAuditorCommentsJudgeAcceptsWithTheChangeAuditorAgreesAndTheCaseIsAudited() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        String auditor = data.user("auditor");
        long studyId = data.studyWithTeam(lead, judge, auditor);
        String text = "Participant: When my client cried about her father, I cried too.";
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcriptService.store(studyCase.getId(), text, "P01.txt");
        long domain = domainService.create(studyId, lead, "The crying event", null, null).getId();
        long coding = codingService.code(studyId, lead, "P01", domain, 13, text.length(), false).getId();
        CoreIdea idea = coreIdeas.add(studyId, judge, "P01", caseService.design(studyId, lead).defaultSubsample().id(), domain,
                "P cried.", Set.of(coding));

        // The judge sends the core ideas of P01 for audit; the study's only auditor is ticked already.
        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/audit");
        new org.openqa.selenium.support.ui.Select(byId("audit-step")).selectByValue("CORE_IDEAS");
        browser.findElement(By.cssSelector("input[name=caseTarget]")).click();
        byId("audit-note").sendKeys("First case, please be strict.");
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "sent for audit"));

        // The auditor sees it waiting, and comments on the core idea with a rewording.
        WebDriver other = anotherBrowser();
        WebDriverWait otherWait = waitFor(other);
        signIn(other, auditor, TestData.PASSWORD);
        open(other, "/studies/" + studyId);
        assertThat(other.findElement(By.cssSelector(".tabs .count-badge")).getText()).isEqualTo("1");
        open(other, "/studies/" + studyId + "/audit");
        assertThat(other.findElement(By.cssSelector(".queue")).getText()).contains("Core ideas").contains("P01");
        open(other, "/studies/" + studyId + "/cases/P01/core-ideas");
        WebElement ideaItem = otherWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idea-" + idea.getId())));
        assertThat(ideaItem.findElements(By.cssSelector("textarea[name=text]"))).as("auditors get no editing box").isEmpty();
        ideaItem.findElement(By.cssSelector("details.comment-form summary")).click();
        ideaItem.findElement(By.cssSelector("textarea[name=body]")).sendKeys("Say whose tears and when.");
        ideaItem.findElement(By.cssSelector("input[name=suggestion]")).sendKeys("P cried when C cried about her father.");
        ideaItem.findElement(By.cssSelector("details.comment-form button[type=submit]")).click();
        otherWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "sent to the team"));
        screenshot(other, "audit-comment");

        // The judge answers on the audit page: accepted, and the suggested change is made.
        open("/studies/" + studyId + "/audit");
        WebElement thread = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thread.status-open")));
        assertThat(thread.getText()).contains("Say whose tears and when.").contains("Core idea of P01");
        thread.findElement(By.cssSelector("details.thread-form summary")).click();
        thread.findElement(By.cssSelector("input[name=apply]")).click();
        thread.findElement(By.cssSelector("button[value=ACCEPTED]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "answer has been recorded"));
        assertThat(coreIdeaRepository.findById(idea.getId()).orElseThrow().getBody()).isEqualTo("P cried when C cried about her father.");
        screenshot("audit-answered");

        // The auditor agrees, closing the thread, and marks the review done: the case is audited.
        open(other, "/studies/" + studyId + "/audit");
        WebElement answered = otherWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thread.status-answered")));
        assertThat(answered.getText()).contains("accepted").contains("now reads");
        answered.findElement(By.cssSelector("details.thread-form summary")).click();
        answered.findElement(By.cssSelector("button[name=agree]")).click();
        otherWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "thread is closed"));
        other.findElement(By.cssSelector(".queue form[action$='/reviewed'] button")).click();
        otherWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Marked reviewed"));
        assertThat(other.findElement(By.id("requests")).getText()).contains("audited");
        assertThat(caseService.steps(studyId, lead, studyCase.getId())).contains(CaseStep.AUDITED);
        screenshot(other, "audit-done");
    }
}
