package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

class SampleStudyBrowserTest extends BrowserTest {

    @Test
    void administratorsFirstStartShowsTheSampleStudyAndAccountManagement() throws Exception {
        signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.findElement(By.cssSelector(".card")).getText())
                .contains("Crying in psychotherapy").contains("Lead");
        screenshot("home");

        browser.findElement(By.partialLinkText("Crying in psychotherapy")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-heading")));
        assertThat(text()).contains("Cried as therapist").contains("N = 5").contains("N = 7").contains("N = 4")
                .contains("8 cases, 8 with a transcript").contains("Kaisa Lindqvist");
        assertThat(browser.findElements(By.cssSelector("#progress-grid td[class^=lvl-]:not(.lvl-0)"))).isNotEmpty();
        assertThat(byId("progress-P04").getText()).contains("drafts: 2 of 2 done");
        screenshot("sample-overview");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('grid-heading').scrollIntoView()");
        screenshot("sample-progress-grid");
        WebElement square = browser.findElement(By.cssSelector("#progress-P01 td[class^=lvl-]"));
        new Actions(browser).moveToElement(square).perform();
        wait.until(driver -> square.getDomAttribute("title") != null);
        assertThat(square.getDomAttribute("title")).matches("P01, [^:]+: (not coded|1 coding, \\d+%|\\d+ codings, \\d+%)");
        String overview = browser.getCurrentUrl();

        open(overview.replaceAll("https?://[^/]+", "") + "/cases/P04/consensus");
        assertThat(browser.findElements(By.cssSelector("#consensus tr.differs"))).isNotEmpty();
        assertThat(byId("agreement").getText()).contains("Rosa Alvarez").contains("Daniel Mensah");
        screenshot("sample-consensus");
        open(overview.replaceAll("https?://[^/]+", "") + "/cases/P01/coding");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctext .seg")));
        screenshot("sample-coding");
        open(overview.replaceAll("https?://[^/]+", ""));

        browser.findElement(By.linkText("Cases")).click();
        assertThat(byId("case-P02").getText()).contains("Cried as therapist").contains("Cried as client").contains("Therapist cried");
        screenshot("sample-cases");

        browser.findElement(By.cssSelector("#case-P01 a[href$='/transcript']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".transcript .turn")));
        assertThat(browser.findElements(By.cssSelector(".transcript .speaker")).get(0).getText()).isEqualTo("Interviewer");
        screenshot("sample-transcript");

        browser.findElement(By.linkText("Cross-analysis")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workspace")));
        assertThat(browser.findElement(By.id("ideas-heading")).getText()).isEqualTo("Antecedents");
        assertThat(browser.findElements(By.cssSelector("#workspace li.category .label-general"))).isNotEmpty();
        screenshot("sample-cross-analysis");

        browser.findElement(By.linkText("Case grid")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-grid")));
        assertThat(browser.findElements(By.cssSelector("#case-grid td.mark.on"))).isNotEmpty();
        screenshot("sample-case-grid");

        browser.findElement(By.linkText("Compare subsamples")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comparison")));
        assertThat(browser.findElements(By.cssSelector("#comparison tr.different"))).isNotEmpty();
        screenshot("sample-compare");

        browser.findElement(By.linkText("Tables")).click();
        assertThat(byId("table-3").getText()).contains("Table 3").contains("Trainees' Therapists Crying")
                .contains("Note. N = 4;");
        screenshot("sample-tables");

        open("/admin/users");
        byId("new-username").sendKeys("t.okoro");
        browser.findElement(By.id("new-display")).sendKeys("Tomi Okoro");
        browser.findElement(By.id("new-password")).sendKeys("a sturdy passphrase");
        browser.findElement(By.cssSelector("form[action='/admin/users'] button")).click();
        assertThat(byId("user-t.okoro").getText()).contains("Tomi Okoro").contains("enabled");
        screenshot("admin-users");
    }
}
