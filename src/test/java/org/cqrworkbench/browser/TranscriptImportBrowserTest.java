package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseService.CaseForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class TranscriptImportBrowserTest extends BrowserTest {

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;

    @TempDir
    Path folder;

    @Test
    void judgeUploadsTwoFilesAndConfirmsCreatingTheCaseThatDidNotExist() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        caseService.createCase(studyId, lead, new CaseForm("P01", null, null, null));
        Path p01 = Files.writeString(folder.resolve("P01.txt"),
                "\uFEFFInterviewer: Tell me about the session.\r\n\r\nParticipant: I cried, and she waited.\r\n",
                StandardCharsets.UTF_8);
        Path p02 = folder.resolve("P02.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(p02)) {
            document.createParagraph().createRun().setText("Interviewer: What happened when you cried as a client?");
            document.createParagraph().createRun().setText("Participant: My therapist said nothing for a while. [pause] "
                    + "Then she said it was all right to cry, and I felt held.");
            document.createParagraph().createRun().setText("Interviewer: And afterwards?");
            document.createParagraph().createRun().setText("Participant: I trusted her more. I still think about it.");
            document.write(out);
        }

        signIn(judge, TestData.PASSWORD);
        open("/studies/" + studyId + "/cases");
        browser.findElement(By.id("import-transcripts")).click();
        byId("transcript-files").sendKeys(p01 + "\n" + p02);
        browser.findElement(By.cssSelector("#batch-form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-plan")));
        assertThat(browser.findElement(By.id("batch-plan")).getText())
                .contains("Goes into P01, which has no transcript yet.").contains("Create case P02");
        screenshot("transcript-import-confirm");
        browser.findElement(By.cssSelector("input[name=create]")).click();
        browser.findElement(By.id("confirm-import")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Imported 2 transcripts."));
        browser.findElement(By.linkText("P02")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".transcript .turn")));
        assertThat(browser.findElements(By.cssSelector(".transcript .speaker")))
                .extracting(e -> e.getText()).containsExactly("Interviewer", "Participant", "Interviewer", "Participant");
        assertThat(text()).contains("from P02.docx");
        screenshot("transcript-import");

        signOut();
        signIn("admin", ADMIN_PASSWORD);
        open("/");
        browser.findElement(By.partialLinkText("Crying in psychotherapy")).click();
        browser.findElement(By.linkText("Cases")).click();
        browser.findElement(By.cssSelector("#case-P02 a[href$='/transcript']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".part-heading")));
        assertThat(browser.findElements(By.cssSelector(".part-heading"))).extracting(e -> e.getText())
                .containsExactly("Part: Cried as therapist", "Part: Cried as client", "Part: Therapist cried");
        screenshot("transcript-parts");
        browser.findElement(By.cssSelector("#parts summary")).click();
        new org.openqa.selenium.interactions.Actions(browser).scrollToElement(byId("part-1")).perform();
        screenshot("transcript-parts-form");
    }
}
