package org.cqrworkbench.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Drives Debian's headless Chromium against the application on a random port, with the sample study loaded.
 * Each test leaves screenshots in target/screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cqr.sample-study=true")
@Import(TestData.class)
abstract class BrowserTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    private final java.util.List<Path> profiles = new java.util.ArrayList<>();

    private final java.util.List<WebDriver> others = new java.util.ArrayList<>();

    @BeforeEach
    void openBrowser() throws IOException {
        browser = startBrowser();
        wait = waitFor(browser);
    }

    /** A second, separate browser (its own cookies), for tests where two people work at once. */
    WebDriver anotherBrowser() throws IOException {
        WebDriver other = startBrowser();
        others.add(other);
        return other;
    }

    WebDriverWait waitFor(WebDriver driver) {
        // Pages that update in place replace elements under the test's feet; a wait simply looks again. Chromium does
        // not always call such an element stale: it may answer "Node with given id does not belong to the document", a
        // plain WebDriverException. A wait that runs out still shows the last of them as its cause.
        WebDriverWait created = new WebDriverWait(driver, Duration.ofSeconds(10));
        created.ignoring(org.openqa.selenium.WebDriverException.class);
        return created;
    }

    private WebDriver startBrowser() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("cqr.chromium", "/usr/bin/chromium"));
        // The flags that work on machines with no network beyond package registries, running as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("cqr.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        others.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    void open(String path) {
        open(browser, path);
    }

    void open(WebDriver driver, String path) {
        driver.get("http://localhost:" + port + path);
    }

    void signIn(String username, String password) {
        signIn(browser, username, password);
    }

    void signIn(WebDriver driver, String username, String password) {
        open(driver, "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void signOut() {
        browser.findElement(By.cssSelector(".topbar form button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void screenshot(String name) throws IOException {
        screenshot(browser, name);
    }

    void screenshot(WebDriver driver, String name) throws IOException {
        Path folder = Path.of(System.getProperty("cqr.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
