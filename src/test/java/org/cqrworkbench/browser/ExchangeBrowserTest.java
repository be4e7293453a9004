package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class ExchangeBrowserTest extends BrowserTest {

    @Autowired
    TestData data;

    @Test
    void aResearcherImportsAnAtlasTiProjectReadsTheReportAndFindsItsNotes() throws Exception {
        String researcher = data.user("researcher");
        signIn(researcher, TestData.PASSWORD);
        open("/");
        byId("import-study").click();
        byId("study-file").sendKeys(Path.of("../shared/refi-qda/fixtures/atlasti-testproject.qdpx").toAbsolutePath().normalize().toString());
        screenshot("exchange-import-form");
        browser.findElement(By.cssSelector("#study-import-form button[type=submit]")).click();

        assertThat(byId("import-done").getText()).contains("ATLAS.ti standard project");
        assertThat(byId("import-counts").getText()).contains("Domains 14").contains("Cases 6").contains("Notes 2");
        assertThat(byId("import-warnings").getText()).contains("PDF source").contains("is not in the file");
        screenshot("exchange-import-report");

        byId("open-study").click();
        assertThat(byId("export-qdpx").getAttribute("href")).endsWith("/export.qdpx");
        assertThat(byId("export-qdc").getAttribute("href")).endsWith("/codebook.qdc");
        screenshot("exchange-overview-links");

        byId("notes-link").click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notes li.note"), 2));
        byId("note-title").sendKeys("Coding the breakfast data");
        browser.findElement(By.id("note-body")).sendKeys("The ATLAS.ti texts are missing; ask the team for the transcripts.");
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notes li.note"), 3));
        assertThat(text()).contains("Note added.").contains("Coding the breakfast data");
        screenshot("exchange-notes");
    }

    @Test
    void aBrokenFileIsRefusedOnTheImportPageWithAMessage() throws Exception {
        String researcher = data.user("broken");
        signIn(researcher, TestData.PASSWORD);
        open("/studies/import");
        Path broken = java.nio.file.Files.createTempFile("broken", ".qdpx");
        java.nio.file.Files.writeString(broken, "this is not an archive");
        byId("study-file").sendKeys(broken.toString());
        browser.findElement(By.cssSelector("#study-import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("Only REFI-QDA project files");
        screenshot("exchange-import-refused");
    }
}
