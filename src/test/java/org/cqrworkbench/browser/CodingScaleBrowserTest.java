package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingRepository;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.transcript.TranscriptText;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coding page at the size of a real interview: 12,000 words and 300 codings are all drawn, and coding
 * one more still saves without reloading. Timings are printed for people to read; the benchmark judges them.
 */
class CodingScaleBrowserTest extends BrowserTest {

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

    @Test
    void aLongTranscriptWithThreeHundredCodingsIsDrawnWhole() throws Exception {
        String lead = data.user("lead");
        long studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        String[] words = {"client", "cried", "felt", "session", "therapist", "tears", "because", "then", "really", "moment", "sad", "I"};
        for (int turn = 0; turn < 400; turn++) {
            text.append(turn % 2 == 0 ? "Interviewer: " : "Participant: ");
            for (int w = 0; w < 30; w++) {
                text.append(words[random.nextInt(words.length)]).append(w == 29 ? ".\n\n" : " ");
            }
        }
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        String body = transcriptService.store(studyCase.getId(), text.toString(), "P01.txt").getBody();
        assertThat(TranscriptText.wordCount(body)).isGreaterThanOrEqualTo(12_000);
        List<Long> domains = List.of(domainService.create(studyId, lead, "A", null, null).getId(),
                domainService.create(studyId, lead, "B", null, null).getId(), domainService.create(studyId, lead, "C", null, null).getId());
        List<TranscriptText.Turn> turns = TranscriptText.turns(body).stream().filter(t -> "Participant".equals(t.speaker())).toList();
        for (int i = 0; i < 300; i++) {
            TranscriptText.Turn turn = turns.get(i % turns.size());
            int start = turn.end() - turn.text().length() + (i >= turns.size() ? 10 : 0);
            codings.save(new Coding(studyId, studyCase.getId(), domains.get(i % 3), start, turn.end(), Layer.CONSENSUS, null, null,
                    java.time.Instant.now()));
        }

        signIn(lead, TestData.PASSWORD);
        // Poll often, so the printed timings are not rounded up to the default half second.
        var quick = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(10));
        long before = System.nanoTime();
        open("/studies/" + studyId + "/cases/P01/coding");
        quick.until(d -> d.findElements(By.cssSelector(".margin .mark")).size() >= 300);
        long drawnMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(browser.findElements(By.cssSelector(".margin .mark"))).hasSize(300);

        var first = browser.findElements(By.cssSelector(".cturn")).get(0);
        ((JavascriptExecutor) browser).executeScript("window.getSelection().removeAllRanges(); arguments[0].focus()", first);
        long saveStart = System.nanoTime();
        first.sendKeys("1");
        quick.until(ExpectedConditions.textToBe(By.id("coding-status"), "Coded into A."));
        long savedMs = (System.nanoTime() - saveStart) / 1_000_000;
        assertThat(codings.findByCaseIdAndLayerOrderByStartAscEndAsc(studyCase.getId(), Layer.CONSENSUS)).hasSize(301);
        assertThat(browser.findElements(By.cssSelector(".margin .mark"))).hasSize(301);
        System.out.printf("Coding page, 12,000 words and 300 codings: drawn in %d ms, one more coding saved and drawn in %d ms%n",
                drawnMs, savedMs);
        screenshot("coding-scale");
    }
}
