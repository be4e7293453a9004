package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingRepository;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class CodingBrowserTest extends BrowserTest {

    static final String TEXT = "Interviewer: What happened before you cried?\n\n"
            + "Participant: My client talked about her father's funeral, and I thought of my grandmother.\n\n"
            + "Interviewer: And then?\n\n"
            + "Participant: Tears came before I could stop them. I apologised and we went on.";

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    TranscriptService transcriptService;
    @Autowired
    CodingRepository codings;
    @Autowired
    org.cqrworkbench.coding.CodingService codingService;
    @Autowired
    org.cqrworkbench.study.StudyService studies;

    @Test
    void judgeCodesWithMouseAndKeyboardAndUndoes() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        StudyCase studyCase = caseWithTranscript(studyId, lead, "P01");
        domainService.create(studyId, lead, "Antecedents", "What led up to the crying.", null);
        domainService.create(studyId, lead, "The crying event", null, null);
        domainService.create(studyId, lead, "Consequences", null, null);

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cases/P01/coding");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cturn")));
        List<WebElement> turns = browser.findElements(By.cssSelector(".cturn"));

        // Mouse: a double click selects the word "funeral"; key 1 codes it as Antecedents.
        new Actions(browser).doubleClick(word(turns.get(1), "funeral")).perform();
        turns.get(1).sendKeys("1");
        waitForStatus("Coded into Antecedents.");
        assertThat(consensus(studyCase)).singleElement().satisfies(c -> assertThat(coded(c)).isEqualTo("funeral"));

        // Keyboard: on the last turn, Shift+Right three times selects "Tears came before"; key 2 codes it.
        WebElement last = turns.get(3);
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", last);
        last.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT), Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT),
                Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        browser.switchTo().activeElement().sendKeys("2");
        waitForStatus("Coded into The crying event.");
        assertThat(consensus(studyCase)).extracting(this::coded).contains("Tears came before");

        // One keystroke codes a whole speaker turn when nothing is selected.
        ((JavascriptExecutor) browser).executeScript("window.getSelection().removeAllRanges(); arguments[0].focus()", turns.get(1));
        turns.get(1).sendKeys("3");
        waitForStatus("Coded into Consequences.");
        assertThat(consensus(studyCase)).extracting(this::coded)
                .contains("My client talked about her father's funeral, and I thought of my grandmother.");
        assertThat(browser.findElements(By.cssSelector(".seg.double"))).isNotEmpty();
        screenshot("coding");

        // Undo takes the whole-turn coding back.
        browser.switchTo().activeElement().sendKeys("z");
        waitForStatus("Undone.");
        assertThat(consensus(studyCase)).extracting(this::coded).containsExactlyInAnyOrder("funeral", "Tears came before");
        assertThat(browser.findElements(By.cssSelector(".seg.double"))).isEmpty();
    }

    @Test
    void judgesCodeIndependentlyInPrivateDraftsUntilTheyAreDone() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        StudyCase studyCase = caseWithTranscript(studyId, lead, "P02");
        caseService.setCodingMode(studyId, lead, studyCase.getId(), CodingMode.INDEPENDENT);
        domainService.create(studyId, lead, "Antecedents", null, null);

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cases/P02/coding");
        assertThat(text()).contains("Your private draft.");
        List<WebElement> turns = browser.findElements(By.cssSelector(".cturn"));
        new Actions(browser).doubleClick(word(turns.get(1), "grandmother")).perform();
        turns.get(1).sendKeys("1");
        waitForStatus("Coded into Antecedents.");
        List<Coding> all = codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId());
        assertThat(all).singleElement().satisfies(c -> assertThat(c.getLayer()).isEqualTo(Layer.DRAFT));
        screenshot("coding-draft");

        // A second judge codes the same turn differently; both mark their drafts done.
        String second = data.user("second");
        studies.addMember(studyId, lead, second, org.cqrworkbench.study.StudyRole.JUDGE);
        long antecedents = domainService.domains(studyId, lead).get(0).getId();
        int turnStart = TEXT.indexOf("My client");
        codingService.code(studyId, second, "P02", antecedents, turnStart, TEXT.indexOf("\n\nInterviewer: And"), false);
        codingService.markDraftDone(studyId, second, "P02", true);
        browser.findElement(By.cssSelector("form[action$='/coding/draft'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "marked done"));

        // The consensus page puts the drafts side by side and marks the turn where they differ.
        browser.findElement(By.linkText("Consensus page")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consensus")));
        assertThat(byId("agreement").getText()).contains("SECOND").contains("JUDGE");
        List<WebElement> differing = browser.findElements(By.cssSelector("#consensus tr.differs"));
        assertThat(differing).hasSize(1);
        assertThat(differing.get(0).getText()).contains("“grandmother”").contains("whole turn");
        screenshot("consensus");

        // The team accepts the second judge's whole-turn coding into the consensus; who decided is recorded.
        differing.get(0).findElements(By.cssSelector("button.secondary")).stream()
                .filter(b -> b.getAttribute("aria-label").contains("Antecedents")).reduce((a, b) -> b).orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "part of the consensus"));
        assertThat(consensus(studyCase)).singleElement().satisfies(c -> {
            assertThat(coded(c)).startsWith("My client");
            assertThat(c.getDecidedBy()).isNotNull();
        });
        assertThat(text()).contains("decided by JUDGE");
    }

    private StudyCase caseWithTranscript(long studyId, String lead, String code) {
        StudyCase created = caseService.createCase(studyId, lead, new CaseService.CaseForm(code, null, null, null));
        transcriptService.store(created.getId(), TEXT, code + ".txt");
        return created;
    }

    private List<Coding> consensus(StudyCase studyCase) {
        return codings.findByCaseIdAndLayerOrderByStartAscEndAsc(studyCase.getId(), Layer.CONSENSUS);
    }

    private String coded(Coding coding) {
        return TEXT.substring(coding.getStart(), coding.getEnd());
    }

    private void waitForStatus(String message) {
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), message));
    }

    /** The transcript paragraph's text node holding the word, wrapped so a double click lands on it. */
    private WebElement word(WebElement turn, String word) {
        return (WebElement) ((JavascriptExecutor) browser).executeScript("""
                const p = arguments[0].querySelector('.ctext');
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const at = walker.currentNode.textContent.indexOf(arguments[1]);
                  if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(walker.currentNode, at);
                    range.setEnd(walker.currentNode, at + arguments[1].length);
                    const marker = document.createElement('span');
                    range.surroundContents(marker);
                    return marker;
                  }
                }
                return null;
                """, turn, word);
    }
}
