package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingRepository;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class DomainsBrowserTest extends BrowserTest {

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    CodingRepository codings;
    @Autowired
    DomainService domainService;
    @Autowired
    StudyAccess access;

    @Test
    void judgePastesTheProtocolOutlineThenRenamesMergesAndReordersDomains() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId);
        browser.findElement(By.linkText("Domains")).click();
        assertThat(text()).contains("No domains yet.");
        screenshot("domains-empty");
        byId("outline").sendKeys("Antecedents\n  Context of the session\n  - Earlier tears\nThe event\n"
                + "- What the client said\nConsequences\nAftermath");
        browser.findElement(By.cssSelector("#outline-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "7 domains added."));
        assertThat(names()).containsExactly("Antecedents", "Context of the session", "Earlier tears", "The event",
                "What the client said", "Consequences", "Aftermath");
        assertThat(row("Earlier tears").getAttribute("class")).contains("depth-2");
        assertThat(row("The event").getAttribute("class")).contains("depth-1");

        // Coding has begun in two of the domains.
        codeInto(studyId, lead, judge, "Consequences", "Aftermath");
        browser.findElement(By.cssSelector("#add-other button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Domain Other added."));
        assertThat(row("Aftermath").getText()).contains("1 coding");

        WebElement event = row("The event");
        event.findElement(By.tagName("summary")).click();
        WebElement name = event.findElement(By.cssSelector("input[name=name]"));
        name.clear();
        name.sendKeys("The crying event");
        event.findElement(By.cssSelector("textarea[name=definition]")).sendKeys("What happened when P cried in session.");
        screenshot("domains-edit");
        event.findElement(By.cssSelector("form.stack button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Domain The crying event saved."));
        assertThat(row("The crying event").getText()).contains("What happened when P cried in session.");

        WebElement aftermath = row("Aftermath");
        aftermath.findElement(By.tagName("summary")).click();
        new Select(aftermath.findElement(By.cssSelector("select[name=targetId]"))).selectByVisibleText("Consequences");
        aftermath.findElement(By.cssSelector("form[action$='/merge'] button")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Aftermath has been merged into Consequences."));
        assertThat(names()).doesNotContain("Aftermath").endsWith("Consequences", "Other");
        assertThat(row("Consequences").getText()).contains("2 codings");

        // Reordering by keyboard: focus stays on the button, so Enter can be pressed again.
        WebElement up = row("Consequences").findElement(By.cssSelector("button[value=up]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", up);
        up.sendKeys(Keys.ENTER);
        wait.until(d -> names().indexOf("Consequences") == 3);
        wait.until(d -> "Move Consequences up".equals(d.switchTo().activeElement().getAttribute("aria-label")));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> names().get(0).equals("Consequences"));
        assertThat(names()).containsExactly("Consequences", "Antecedents", "Context of the session", "Earlier tears",
                "The crying event", "What the client said", "Other");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("domains");

        row("Consequences").findElement(By.tagName("summary")).click();
        row("Consequences").findElement(By.linkText("Split off some codings…")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Split Consequences"));
        assertThat(text()).contains("Core ideas written only from the chosen codings move with them");
        screenshot("domains-split");
    }

    private void codeInto(long studyId, String lead, String judge, String... domainNames) {
        long caseId = caseService.createCase(studyId, lead, new CaseForm("P01", Map.of(), null, null)).getId();
        transcripts.store(caseId, "I: What happened next?\nP: We talked it through, and the next session felt closer.", "P01.txt");
        long judgeId = access.member(studyId, judge).getUser().getId();
        for (Domain d : domainService.domains(studyId, judge)) {
            if (List.of(domainNames).contains(d.getName())) {
                codings.save(new Coding(studyId, caseId, d.getId(), 26, 60, Layer.CONSENSUS, null, judgeId, Instant.now()));
            }
        }
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#domains .domain-name")).stream().map(WebElement::getText).toList();
    }

    private WebElement row(String name) {
        return browser.findElements(By.cssSelector("#domains li.domain")).stream()
                .filter(li -> li.findElement(By.cssSelector(".domain-name")).getText().equals(name)).findFirst().orElseThrow();
    }
}
