package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cqrworkbench.TestData;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class ChangeLogBrowserTest extends BrowserTest {

    @Autowired
    TestData data;
    @Autowired
    CrossAnalysisImport importer;

    @Test
    void aRenamedCategoryIsFoundInTheStudyChangeLogByItsOldName() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        importer.importFile(studyId, lead, "start.csv", ("Case,Domain,Category,Core idea\n"
                + "P01,Consequences,Relationship deepened,C trusted P more\nP02,Consequences,Felt ashamed,P felt exposed\n")
                .getBytes(StandardCharsets.UTF_8));

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cross-analysis");
        WebElement category = wait.until(d -> d.findElements(By.cssSelector("#workspace li.category")).stream()
                .filter(li -> li.getText().contains("Relationship deepened")).findFirst().orElse(null));
        category.findElement(By.tagName("summary")).click();
        assertThat(category.findElement(By.cssSelector(".category-tools a.history-link")).isDisplayed()).isTrue();
        WebElement name = category.findElement(By.cssSelector(".category-tools input[name=name]"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Bond grew");
        category.findElement(By.cssSelector(".category-tools form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#workspace .categories"), "Bond grew"));

        browser.findElement(By.linkText("Changes")).click();
        WebElement search = byId("change-q");
        search.sendKeys("deepened");
        browser.findElement(By.cssSelector("#change-search button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("q=deepened"));
        WebElement rename = browser.findElements(By.cssSelector("table.changes tbody tr")).stream()
                .filter(tr -> tr.getText().contains("changed")).findFirst().orElseThrow();
        assertThat(rename.findElement(By.cssSelector(".change-value.before")).getText()).isEqualTo("name: Relationship deepened");
        assertThat(rename.findElement(By.cssSelector(".change-value.after")).getText()).isEqualTo("name: Bond grew");
        assertThat(rename.getText()).contains("JUDGE", "Bond grew");
        assertThat(browser.findElement(By.id("change-count")).getText()).contains("3 changes");
        screenshot("change-log");

        rename.findElement(By.linkText("Bond grew")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "History of the category Bond grew"));
        assertThat(text()).contains("core idea put in", "C trusted P more");
        screenshot("change-history");
    }

    @Test
    void theSelectedCodingLeadsToItsHistory() {
        signIn("admin", ADMIN_PASSWORD);
        browser.findElement(By.partialLinkText("Crying in psychotherapy")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-heading")));
        open(browser.getCurrentUrl().replaceAll("https?://[^/]+", "") + "/cases/P01/coding");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".margin button.mark"))).click();
        byId("active-history").click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "History of the coding P01 «"));
        // The sample study is the workbench's own work, made before anyone signed in.
        assertThat(browser.findElement(By.cssSelector("table.changes tbody")).getText()).contains("the workbench", "created");
    }
}
