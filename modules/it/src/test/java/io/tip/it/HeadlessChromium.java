package io.tip.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium driven through its chromedriver (packages {@code chromium} and
 * {@code chromium-driver}): both paths are given, so Selenium never downloads a browser or a driver.
 * Where they are missing the test is skipped with the command that installs them, except in CI
 * ({@code CI=true}), where the test fails: CI must run it (.ci/run installs them).
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of(System.getProperty("tip.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("tip.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A headless browser with an empty profile in {@code profile}, its window {@code width} x {@code height}. */
    static HeadlessChromium start(Path profile, int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = "no " + BROWSER + " or " + DRIVER + ": `apt-get install -y chromium chromium-driver`";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("the browser test must run in CI, but there is " + missing);
            }
            Assumptions.abort("browser test skipped: " + missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: Chromium refuses to run as root with its sandbox, and CI runs as root.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Messages the page logged at SEVERE (console errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A PNG of the window as it is now, written to {@code file}. */
    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            File png = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("cannot write the screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
