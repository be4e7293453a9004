package org.cqrworkbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class StudySetupBrowserTest extends BrowserTest {

    @Autowired
    TestData data;

    @Test
    void leadCreatesAStudyAddsAMemberAndACaseThenSignsOut() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        signIn(lead, TestData.PASSWORD);
        assertThat(text()).contains("You do not belong to any study yet");

        byId("study-name").sendKeys("Tears in supervision");
        browser.findElement(By.id("study-question")).sendKeys("How do supervisors respond when trainees cry?");
        browser.findElement(By.cssSelector("form[action='/studies'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tears in supervision"));
        screenshot("study-overview-new");

        browser.findElement(By.linkText("Team")).click();
        byId("add-username").sendKeys(judge);
        new Select(browser.findElement(By.id("add-role"))).selectByValue("JUDGE");
        browser.findElement(By.cssSelector("form[action$='/team'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "added to the team"));
        assertThat(byId("member-" + judge).getText()).contains("Judge");
        byId("add-username").sendKeys("nobody-by-that-name");
        browser.findElement(By.cssSelector("form[action$='/team'] button")).click();
        assertThat(message(".error")).contains("There is no account named");
        assertThat(byId("team").getText()).doesNotContain("nobody-by-that-name");
        screenshot("team");

        browser.findElement(By.linkText("Cases")).click();
        byId("code").sendKeys("P01");
        browser.findElement(By.id("new-attr-name")).sendKeys("age");
        browser.findElement(By.id("new-attr-value")).sendKeys("34");
        browser.findElement(By.cssSelector("#add-case button")).click();
        assertThat(byId("case-P01").getText()).contains("P01").contains("34");
        // The study has one subsample, so the page never mentions the concept.
        assertThat(text()).doesNotContainIgnoringCase("subsample");

        byId("code").sendKeys("P01");
        browser.findElement(By.cssSelector("#add-case button")).click();
        assertThat(message(".error")).isEqualTo("There is already a case P01 in this study.");
        assertThat(browser.findElements(By.cssSelector("#cases tbody tr"))).hasSize(1);
        screenshot("cases-duplicate-refused");

        signOut();
        assertThat(text()).contains("You have signed out.");
        open("/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private String message(String selector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
    }

    @Test
    void judgeCannotSeeAStudyTheyDoNotBelongTo() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        long hidden = data.studyWithTeam(lead, data.user("other"), data.user("auditor"));
        signIn(judge, TestData.PASSWORD);
        assertThat(text()).doesNotContain("Study of " + lead);
        open("/studies/" + hidden);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Something went wrong");
        assertThat(text()).contains("There is no such study, or you are not on its team.").doesNotContain("Study of " + lead);
        open("/studies/" + hidden + "/cases");
        assertThat(text()).doesNotContain("Study of " + lead);
        screenshot("not-a-member");
    }
}
