package io.dsqlkit.examples.petclinic;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A person's path through the PetClinic in a real browser: Debian's Chromium, headless, driven by
 * its own chromedriver (Selenium Manager is told to stay offline and is given both paths, so it
 * downloads nothing). Skipped, with the reason, where they are not installed; {@code .ci/run}
 * installs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PetClinicBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Upper bound for a page element to appear; pages render in milliseconds on DSQL Local. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOT = Path.of("target", "screenshots", "owner-page.png");

    static WebDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", "
                        + CHROMEDRIVER + "); install them with apt-get install chromium chromium-driver, as .ci/run does");
        profile = Files.createTempDirectory("petclinic-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void findAnOwnerAddAPetAndAVisitAndSeeThemListed() throws IOException {
        browser.get(url("/"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Welcome");
        assertThat(text(By.id("backend"))).startsWith("DSQL Local (embedded");

        browser.findElement(By.linkText("Find owners")).click();
        type(By.id("lastName"), "Franklin");
        browser.findElement(By.cssSelector("#search-owner-form button[type=submit]")).click();
        assertThat(text(By.cssSelector("#owner b"))).isEqualTo("George Franklin");
        assertThat(petNames()).contains("Leo");

        browser.findElement(By.linkText("Add new pet")).click();
        type(By.id("name"), "Biscuit");
        setDate(By.id("birthDate"), "2021-06-15");
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("dog");
        browser.findElement(By.cssSelector("#pet-form button[type=submit]")).click();
        assertThat(text(By.cssSelector(".flash"))).isEqualTo("New pet has been added");
        WebElement biscuit = pet("Biscuit");
        assertThat(biscuit.getText()).contains("2021-06-15").contains("dog");

        biscuit.findElement(By.linkText("Add visit")).click();
        setDate(By.id("date"), "2026-11-24");
        type(By.id("description"), "first check-up");
        browser.findElement(By.cssSelector("#visit-form button[type=submit]")).click();
        assertThat(text(By.cssSelector(".flash"))).isEqualTo("Your visit has been booked");
        assertThat(pet("Biscuit").findElement(By.cssSelector("table.visits tbody")).getText())
                .contains("2026-11-24").contains("first check-up");
        assertThat(petNames()).containsExactly("Biscuit", "Leo");

        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    @Test
    void vetsAndTheErrorPage() {
        browser.get(url("/"));
        browser.findElement(By.linkText("Veterinarians")).click();
        assertThat(text(By.id("vets"))).contains("Helen Leary").contains("radiology");

        browser.findElement(By.linkText("Error")).click();
        assertThat(text(By.tagName("h2"))).isEqualTo("Something happened...");
        assertThat(text(By.cssSelector(".status"))).startsWith("500");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(By locator) {
        return new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText();
    }

    private void type(By locator, String value) {
        WebElement field = new WebDriverWait(browser, PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(value);
    }

    /** Date inputs take keystrokes in the browser's locale format; the ISO value is set directly. */
    private void setDate(By locator, String isoDate) {
        WebElement field = new WebDriverWait(browser, PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, isoDate);
    }

    private WebElement pet(String name) {
        return new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".pet[data-pet='" + name + "']")));
    }

    private java.util.List<String> petNames() {
        return browser.findElements(By.cssSelector(".pet .pet-name")).stream().map(WebElement::getText).toList();
    }
}
