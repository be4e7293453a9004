package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cqrworkbench.TestData;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class CrossAnalysisBrowserTest extends BrowserTest {

    @Autowired
    TestData data;
    @Autowired
    CrossAnalysisImport importer;

    @Test
    void judgeGroupsCoreIdeasWithKeysAndDragAndSeesCountsAndLabelsFollow() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        StringBuilder csv = new StringBuilder("Case,Domain,Category,Core idea\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("P0").append(i).append(",Consequences,Relationship deepened,C trusted P more ").append(i).append('\n');
        }
        csv.append("P01,Consequences,Relationship deepened,P felt embarrassed\n");
        importer.importFile(studyId, lead, "start.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        // Three core ideas waiting for a category.
        importer.importFile(studyId, lead, "more.csv", ("Case,Domain,Category,Core idea\n"
                + "P02,Consequences,Tmp,P told supervisor\nP03,Consequences,Tmp,P discussed it in supervision\n"
                + "P04,Consequences,Tmp,P kept it to self\n").getBytes(StandardCharsets.UTF_8));

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cross-analysis");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workspace")));
        // Empty the helper category so those three core ideas are unplaced again.
        WebElement tmp = category("Tmp");
        tmp.findElement(By.tagName("summary")).click();
        tmp.findElement(By.cssSelector("button.danger")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ideas-pane .pane-head"), "3 not yet in a category"));

        byId("new-category-name").sendKeys("P sought supervision");
        browser.findElement(By.cssSelector("#new-category button")).click();
        wait.until(d -> !categories("P sought supervision").isEmpty());
        screenshot("cross-analysis-new-category");

        // Keyboard: focus a core idea, walk down, jump to the first one without category, select it and the
        // next such one, then press the category's number.
        WebElement start = idea("C trusted P more 1");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", start);
        start.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getText()).contains("P felt embarrassed");
        browser.switchTo().activeElement().sendKeys("u");
        assertThat(browser.switchTo().activeElement().getText()).contains("P told supervisor");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.switchTo().activeElement().sendKeys("u");
        assertThat(browser.switchTo().activeElement().getText()).contains("P discussed it in supervision");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        String key = category("P sought supervision").getAttribute("data-key");
        browser.switchTo().activeElement().sendKeys(key);
        wait.until(d -> category("P sought supervision").getText().contains("2 cases"));
        assertThat(category("P sought supervision").getText()).contains("Variant");
        assertThat(idea("P told supervisor").getText()).contains("P sought supervision");
        assertThat(browser.findElement(By.cssSelector(".ideas-pane .pane-head")).getText()).contains("1 not yet in a category");

        // Drag: the last unplaced core idea onto the same category.
        drag(idea("P kept it to self"), category("P sought supervision"));
        wait.until(d -> category("P sought supervision").getText().contains("3 cases"));
        assertThat(browser.findElement(By.cssSelector(".ideas-pane .pane-head")).getText()).contains("0 not yet in a category");
        assertThat(category("Relationship deepened").getText()).contains("5 cases").contains("General");
        screenshot("cross-analysis-grouped");

        open("/studies/" + studyId + "/tables");
        assertThat(browser.findElement(By.cssSelector("#table-1 table")).getText())
                .contains("Relationship deepened General").contains("P sought supervision Typical");
        screenshot("tables-after-grouping");
    }

    @Test
    void aLargeDomainListsItsCasesClosedAndTheKeysOpenEachCaseInTurn() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        // 320 core ideas, more than the page lists at once: in each case, eleven in a category and five to sort.
        StringBuilder csv = new StringBuilder("Case,Domain,Category,Core idea\n");
        for (int c = 1; c <= 20; c++) {
            for (int i = 1; i <= 16; i++) {
                csv.append("P%02d,Consequences,%s,Idea %d of P%02d%n".formatted(c, i <= 11 ? "Relationship deepened" : "Tmp", i, c));
            }
        }
        importer.importFile(studyId, lead, "large.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cross-analysis");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workspace")));
        assertThat(browser.findElements(By.cssSelector("#workspace details.case"))).hasSize(20);
        assertThat(browser.findElements(By.cssSelector("#workspace ul.ideas > li"))).isEmpty();
        WebElement tmp = category("Tmp");
        tmp.findElement(By.tagName("summary")).click();
        tmp.findElement(By.cssSelector("button.danger")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ideas-pane .pane-head"), "100 not yet in a category"));

        // Opening a case lists its core ideas; moving on from its last one opens the next case.
        caseGroup("P02").findElement(By.tagName("summary")).click();
        wait.until(d -> caseGroup("P02").findElements(By.cssSelector("ul.ideas > li")).size() == 16);
        assertThat(caseGroup("P02").getText()).contains("16 core ideas, 5 not in a category");
        WebElement last = idea("Idea 16 of P02");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", last);
        last.sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> active().contains("Idea 1 of P03"));
        assertThat(caseGroup("P03").getAttribute("open")).isNotNull();

        // U finds the next core idea without a category; putting it into a category keeps both cases open.
        browser.switchTo().activeElement().sendKeys("u");
        wait.until(d -> active().contains("Idea 12 of P03"));
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.switchTo().activeElement().sendKeys(category("Relationship deepened").getAttribute("data-key"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ideas-pane .pane-head"), "99 not yet in a category"));
        wait.until(d -> active().contains("Idea 13 of P03"));
        assertThat(caseGroup("P02").getAttribute("open")).isNotNull();
        assertThat(idea("Idea 12 of P03").getText()).contains("Relationship deepened");
        screenshot("cross-analysis-large-domain");

        // A category tag opens the page's one menu; from the keyboard, it takes the core idea out again.
        WebElement tag = idea("Idea 12 of P03").findElement(By.cssSelector("button.g"));
        tag.sendKeys(Keys.ENTER);
        WebElement remove = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tag-menu [data-act=remove]")));
        assertThat(remove.getText()).isEqualTo("Remove from Relationship deepened");
        assertThat(browser.switchTo().activeElement()).isEqualTo(remove);
        screenshot("cross-analysis-tag-menu");
        remove.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ideas-pane .pane-head"), "100 not yet in a category"));
        wait.until(d -> active().contains("Idea 12 of P03"));
        assertThat(idea("Idea 12 of P03").getText()).contains("not in a category").doesNotContain("Relationship deepened");
    }

    private WebElement category(String name) {
        return categories(name).get(0);
    }

    private List<WebElement> categories(String name) {
        return browser.findElements(By.cssSelector("#workspace li.category")).stream()
                .filter(li -> li.findElement(By.cssSelector(".category-name")).getText().equals(name)).toList();
    }

    private WebElement idea(String text) {
        return browser.findElements(By.cssSelector("#workspace ul.ideas > li")).stream()
                .filter(li -> li.findElement(By.tagName("label")).getText().equals(text)).findFirst().orElseThrow();
    }

    private WebElement caseGroup(String code) {
        return browser.findElements(By.cssSelector("#workspace details.case")).stream()
                .filter(d -> d.findElement(By.cssSelector(".case-code")).getText().equals(code)).findFirst().orElseThrow();
    }

    private String active() {
        return browser.switchTo().activeElement().getText();
    }

    /** WebDriver cannot perform HTML5 drag and drop in Chromium, so the test dispatches the browser's own drag events. */
    private void drag(WebElement source, WebElement target) {
        ((JavascriptExecutor) browser).executeScript("""
                const [source, target] = arguments;
                const transfer = new DataTransfer();
                source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: transfer}));
                target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: transfer}));
                target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: transfer}));
                """, source, target);
    }
}
