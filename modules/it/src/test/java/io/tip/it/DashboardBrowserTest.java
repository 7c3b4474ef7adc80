package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;

import io.tip.app.Tip;
import io.tip.app.format.EventJson;

/**
 * Issue 13: the dashboard in a real browser (headless Chromium), on the embedded broker with the
 * registry over HTTP and the pipeline wired as {@code tip run} wires it. What an analyst checks:
 * the theses and their statuses, one thesis moving live when an event arrives, the inbox, both
 * screen widths, the keyboard, contrast, no console errors; and the bad cases: an unknown thesis,
 * the API gone away and back, a title with HTML in it.
 */
class DashboardBrowserTest {
    private static final String CONVERGENCE_TITLE = "Training-inference convergence";
    private static final String HOSTILE_TITLE = "<img src=x onerror=\"window.tipXss=1\"> Hostile title";
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");
    private static final List<String> BEFORE = List.of("evt-avgo-openai", "evt-maersk-capacity", "evt-novo-earnings");
    private static final List<String> AFTER = List.of("evt-aws-inferentia", "evt-nvda-b200", "evt-google-ironwood");

    @Test
    @SuppressWarnings("unchecked")
    void anAnalystWatchesAThesisMoveLiveAndReadsTheInbox(@TempDir Path dir) throws IOException {
        Path vault = vaultWithHostileTitle(dir.resolve("vault"));
        try (TestStack stack = TestStack.start(dir)) {
            // Given the example vault (plus a note whose title is HTML) loaded, the pipeline running,
            // and the events that do not touch convergence published: a partnership, two unmatched ones
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", vault.toString()}, stack.connection()))).isZero();
            Pipeline pipeline = Pipeline.start(stack, "tip-dashboard", dir.resolve("streams"), Map.of());
            try {
                int port = pipeline.http().port();
                publish(stack, dir, BEFORE);
                // and a record no one can read, for the dead-letter count
                try (KafkaProducer<byte[], byte[]> raw = rawProducer(stack.bootstrapServers())) {
                    raw.send(new ProducerRecord<>(stack.topics().marketEvents().name(), "garbled".getBytes(StandardCharsets.UTF_8),
                            "not an Avro record".getBytes(StandardCharsets.UTF_8)));
                }
                TipHttp api = pipeline.http();
                await("Long Broadcom strengthened by the partnership").atMost(Duration.ofSeconds(60))
                        .until(() -> statuses(api).get("long-broadcom"), "STRENGTHENING"::equals);

                try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"), 1280, 900)) {
                    ChromeDriver browser = chromium.driver();
                    String base = "http://localhost:" + port + "/";

                    // When the analyst opens the dashboard
                    browser.get(base);

                    // Then every thesis is listed with the status the API gives it
                    Map<String, String> expected = statuses(api);
                    assertThat(expected).containsKeys("training-inference-convergence", "long-broadcom", "inference-economics")
                            .containsEntry("long-broadcom", "STRENGTHENING").containsEntry("training-inference-convergence", "STEADY");
                    await("the theses table").atMost(Duration.ofSeconds(10))
                            .until(() -> browser.findElements(By.cssSelector("#theses tbody tr")).size() == expected.size());
                    for (Map.Entry<String, String> thesis : expected.entrySet()) {
                        assertThat(text(browser, "#theses tr[data-thesis='" + thesis.getKey() + "'] .badge")).as(thesis.getKey())
                                .isEqualTo(thesis.getValue());
                    }
                    // and the title with HTML in it is shown as text, never run
                    assertThat((List<Object>) browser.executeScript("return [...document.querySelectorAll('.thesis-title')].map((a) => a.innerText)"))
                            .contains(CONVERGENCE_TITLE, "Long Broadcom", "Inference economics", HOSTILE_TITLE);
                    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
                    assertThat(browser.executeScript("return window.tipXss === undefined")).isEqualTo(true);

                    // When they reach "Training-inference convergence" with the keyboard alone
                    tabTo(browser, "thesis-training-inference-convergence");
                    new Actions(browser).sendKeys(Keys.ENTER).perform();

                    // Then its page shows the summary, signals and implications, and no impact yet
                    await("the thesis page").atMost(Duration.ofSeconds(10))
                            .until(() -> text(browser, "#thesis-title").equals(CONVERGENCE_TITLE) && !browser.findElements(By.id("signals")).isEmpty());
                    assertThat(text(browser, ".summary")).contains("distinction between AI training and inference hardware is blurring");
                    assertThat(browser.findElements(By.cssSelector("#signals tbody tr"))).hasSize(3);
                    assertThat(text(browser, "#implications-out")).contains("Long Broadcom", "Inference economics", "chip design");
                    assertThat(browser.findElements(By.cssSelector("#timeline li[data-impact]"))).isEmpty();

                    // When the NVIDIA–Groq acquisition is published
                    publish(stack, dir, List.of(HeadlineScenario.GROQ_EVENT));
                    long published = System.nanoTime();

                    // Then the challenge appears on the open page within 2 s, without a reload
                    await("the CHALLENGES impact on the open page").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                            .until(() -> browser.findElements(By.cssSelector("#timeline li[data-stance='CHALLENGES']")).size() == 1);
                    System.out.printf("DashboardBrowserTest: the Groq impact was on the page %d ms after the publish returned%n",
                            (System.nanoTime() - published) / 1_000_000);
                    // and the status follows from thesis-state, with its change in the state history
                    await("status CHALLENGED").atMost(Duration.ofSeconds(30))
                            .until(() -> text(browser, ".meta .badge").equals("CHALLENGED")
                                    && !browser.findElements(By.cssSelector("#state-history tbody tr")).isEmpty());
                    assertThat(text(browser, "#state-history")).contains("STEADY", "CHALLENGED", "NVIDIA to acquire Groq for $20B");
                    // and choosing the impact says why
                    click(browser, By.cssSelector("#timeline li[data-stance='CHALLENGES'] button"));
                    assertThat(text(browser, "#impact-detail")).contains("NVIDIA to acquire Groq for $20B", "CHALLENGES",
                            "inference-only architecture", "target.tag=inference-specialist");

                    // When the list is sorted by score, convergence (now -0.8) is last
                    browser.get(base + "#/?sort=score");
                    await("the list by score").atMost(Duration.ofSeconds(10)).until(() -> rowOrder(browser).size() == expected.size());
                    assertThat(rowOrder(browser)).startsWith("long-broadcom").endsWith("training-inference-convergence");
                    // and the rest of the example events arrive: three SUPPORTS for convergence
                    publish(stack, dir, AFTER);
                    long supported = System.nanoTime();

                    // Then its row moves to the top without a reload, with its new score and sparkline
                    await("convergence's row on top").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                            .until(() -> rowOrder(browser).get(0).equals("training-inference-convergence"));
                    System.out.printf("DashboardBrowserTest: the convergence row moved to the top %d ms after the publish returned%n",
                            (System.nanoTime() - supported) / 1_000_000);
                    assertThat(text(browser, "#theses tr[data-thesis='training-inference-convergence'] td.num")).isEqualTo("+0.90");
                    assertThat(browser.findElements(By.cssSelector("#theses tr[data-thesis='training-inference-convergence'] canvas.spark"))).hasSize(1);
                    chromium.screenshot(SCREENSHOTS.resolve("theses-1280.png"));

                    // And its page shows the four impacts, the last status and the whole state history
                    click(browser, By.linkText(CONVERGENCE_TITLE));
                    await("four impacts on the timeline").atMost(Duration.ofSeconds(30))
                            .until(() -> browser.findElements(By.cssSelector("#timeline li[data-impact]")).size() == 4);
                    await("the status after four impacts").atMost(Duration.ofSeconds(30))
                            .until(() -> text(browser, ".meta .badge").equals("STRENGTHENING"));
                    // (STEADY → CHALLENGED → CONTESTED → STRENGTHENING: the order the three arrive in does not matter)
                    await("the state history").atMost(Duration.ofSeconds(30))
                            .until(() -> browser.findElements(By.cssSelector("#state-history tbody tr")).size() == 3);
                    assertThat(text(browser, "#state-history tbody tr:first-child")).contains("CONTESTED → STRENGTHENING");
                    browser.manage().window().setSize(new Dimension(1280, 1500)); // the whole thesis page in one picture
                    click(browser, By.cssSelector("#timeline li[data-stance='CHALLENGES'] button"));
                    assertThat(contrastFailures(browser)).as("text below WCAG AA contrast on the thesis page at 1280 px").isEmpty();
                    chromium.screenshot(SCREENSHOTS.resolve("thesis-1280.png"));

                    // And the inbox lists the unmatched events, each with the JSON `tip test` takes, and the dead letter
                    browser.get(base + "#/inbox");
                    await("the inbox").atMost(Duration.ofSeconds(30)).until(() -> browser.findElements(By.cssSelector("#unmatched tbody tr")).size() == 2
                            && !browser.findElements(By.cssSelector("#dead-letters tbody tr")).isEmpty());
                    assertThat(text(browser, "#unmatched")).contains("Maersk adds Asia-Europe container capacity", "Novo Nordisk cuts full-year sales outlook");
                    String jsonHref = browser.findElement(By.cssSelector("#unmatched tr[data-event='evt-maersk-capacity'] a")).getAttribute("href");
                    TipHttp.Response json = api.get(jsonHref.substring(jsonHref.indexOf("/api/")));
                    assertThat(json.status()).isEqualTo(200);
                    assertThat(EventJson.parse(json.body()).getHeadline()).isEqualTo("Maersk adds Asia-Europe container capacity");
                    JsonNode inbox = api.get("/api/inbox").json();
                    assertThat(inbox.at("/deadLetters/count").asLong()).isEqualTo(1);
                    assertThat(text(browser, "#dead-letters")).contains(inbox.at("/deadLetters/reasons/0/reason").asText());
                    assertThat(text(browser, "h2:nth-of-type(2)")).isEqualTo("Dead letters (1)");
                    chromium.screenshot(SCREENSHOTS.resolve("inbox-1280.png"));

                    // And so far nothing went wrong in the page's console
                    assertThat(chromium.consoleErrors()).isEmpty();

                    // And an unknown thesis gets a friendly page; the console shows only the API's two 404 answers
                    browser.get(base + "#/thesis/no-such-thesis");
                    await("not found").atMost(Duration.ofSeconds(10)).until(() -> text(browser, "main h1").equals("Thesis not found"));
                    assertThat(text(browser, "main")).contains("no-such-thesis", "Back to all theses");
                    assertThat(chromium.consoleErrors()).hasSize(2).allSatisfy(e -> assertThat(e).contains("/api/theses/no-such-thesis", "404"));

                    // And at 390 px wide nothing runs off the side
                    browser.manage().window().setSize(new Dimension(390, 844));
                    for (String page : List.of("", "#/thesis/training-inference-convergence", "#/inbox")) {
                        browser.get(base + page);
                        await("the page at 390 px: " + page).atMost(Duration.ofSeconds(10))
                                .until(() -> !browser.findElements(By.cssSelector("#theses, #timeline li[data-impact], #unmatched")).isEmpty());
                        assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                                .as("no horizontal scrolling at 390 px: " + page).isEqualTo(true);
                        assertThat(contrastFailures(browser)).as("text below WCAG AA contrast at " + page).isEmpty();
                    }
                    chromium.screenshot(SCREENSHOTS.resolve("inbox-390.png"));
                    browser.get(base + "#/thesis/training-inference-convergence");
                    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#timeline li[data-impact]")).isEmpty());
                    chromium.screenshot(SCREENSHOTS.resolve("thesis-390.png"));
                    browser.get(base);
                    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#theses tbody tr")).isEmpty());
                    chromium.screenshot(SCREENSHOTS.resolve("theses-390.png"));

                    // And nothing went wrong in the page's console
                    assertThat(chromium.consoleErrors()).isEmpty();

                    // When the API goes away, the page says so and keeps trying
                    pipeline.close();
                    await("the page says the API is down").atMost(Duration.ofSeconds(30))
                            .until(() -> bannerText(browser).contains("Cannot reach the tip API") && bannerText(browser).contains("Retrying"));
                    // and when it is back on the same port, the page recovers by itself
                    pipeline = Pipeline.start(stack, "tip-dashboard", dir.resolve("streams"), Map.of("http.port", String.valueOf(port)));
                    await("the page recovers").atMost(Duration.ofSeconds(60))
                            .until(() -> bannerText(browser).isEmpty() && !browser.findElements(By.cssSelector("#theses tbody tr")).isEmpty());
                }
            } finally {
                pipeline.close();
            }
        }
    }

    @Test
    void aMistypedPageIsAFriendlyHtml404AndTheApiKeepsJsonErrors(@TempDir Path dir) {
        try (TestStack stack = TestStack.start(dir)) {
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection()))).isZero();
            try (Pipeline pipeline = Pipeline.start(stack, "tip-dashboard-404", dir.resolve("streams"), Map.of())) {
                TipHttp api = pipeline.http();
                TipHttp.Response page = api.getAccepting("/no-such-page", "text/html");
                assertThat(page.status()).isEqualTo(404);
                assertThat(page.body()).contains("Page not found", "href=\"/\"");
                TipHttp.Response apiError = api.getAccepting("/api/theses/no-such-thesis", "text/html,application/json");
                assertThat(apiError.status()).isEqualTo(404);
                assertThat(apiError.json().get("error").asText()).contains("no thesis 'no-such-thesis'");
                assertThat(api.get("/api/theses/no-such-thesis/history").status()).isEqualTo(404);
                assertThat(api.get("/api/inbox/events/no-such-event").status()).isEqualTo(404);
                TipHttp.Response index = api.getAccepting("/", "text/html");
                assertThat(index.status()).isEqualTo(200);
                assertThat(index.body()).contains("/app.js").doesNotContain("http://", "https://");
            }
        }
    }

    /** Presses Tab from the top of the page until the control with this {@code data-focus} key has the focus. */
    private static void tabTo(ChromeDriver browser, String focusKey) {
        browser.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            if (focusKey.equals(browser.executeScript("return document.activeElement.dataset.focus"))) {
                return;
            }
        }
        throw new AssertionError("40 presses of Tab never reached " + focusKey);
    }

    /** Clicks what {@code target} finds, again if the page re-rendered it in between. */
    private static void click(ChromeDriver browser, By target) {
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            browser.findElement(target).click();
            return true;
        });
    }

    /** The thesis ids of the list's rows, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> rowOrder(ChromeDriver browser) {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll('#theses tbody tr')].map((r) => r.dataset.thesis)");
    }

    /** The text of the first element {@code css} selects, read in one step (the page re-renders as impacts arrive). */
    private static String text(ChromeDriver browser, String css) {
        Object text = browser.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : ''", css);
        return String.valueOf(text);
    }

    private static String bannerText(ChromeDriver browser) {
        WebElement banner = browser.findElement(By.id("banner"));
        return banner.isDisplayed() ? banner.getText() : "";
    }

    private static Map<String, String> statuses(TipHttp api) {
        TipHttp.Response response = api.get("/api/theses");
        if (response.status() != 200) {
            return Map.of();
        }
        Map<String, String> statuses = new HashMap<>();
        response.json().forEach(t -> statuses.put(t.get("id").asText(), t.get("status").asText()));
        return statuses;
    }

    /** Every visible piece of text whose colour against its background is under WCAG AA (4.5:1, 3:1 when large). */
    @SuppressWarnings("unchecked")
    private static List<String> contrastFailures(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
                const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const background = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                  if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
                const failures = [];
                for (const el of document.querySelectorAll('body *')) {
                  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                  if (!own || !el.getClientRects().length) continue;
                  const style = getComputedStyle(el);
                  if (style.visibility === 'hidden') continue;
                  const [a, b] = [lum(rgb(style.color)), lum(background(el))];
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  const size = parseFloat(style.fontSize); const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
                  if (ratio < (large ? 3 : 4.5)) failures.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
                }
                return failures;""");
    }

    /** A copy of the example vault with one more note, whose title is an HTML tag with a script in it. */
    private static Path vaultWithHostileTitle(Path vault) throws IOException {
        Files.createDirectories(vault);
        try (Stream<Path> notes = Files.list(Repo.exampleVault())) {
            for (Path note : notes.toList()) {
                Files.copy(note, vault.resolve(note.getFileName()));
            }
        }
        // the backslash keeps Markdown from reading the tag as inline HTML, so the title holds it as written
        Files.writeString(vault.resolve("Hostile title.md"), "#test\n\n# \\" + HOSTILE_TITLE + "\n\nA thesis whose title carries HTML.\n");
        return vault;
    }

    /** Publishes the example events with these ids, as `tip publish` does. */
    private static void publish(TestStack stack, Path dir, List<String> ids) throws IOException {
        List<String> lines = Files.readAllLines(Repo.exampleEvents()).stream()
                .filter(line -> ids.stream().anyMatch(id -> line.contains("\"id\":\"" + id + "\"")))
                .collect(Collectors.toList());
        assertThat(lines).hasSameSizeAs(ids);
        Path file = Files.createTempFile(dir, "events", ".jsonl");
        Files.write(file, lines);
        assertThat(Tip.run(HeadlineScenario.concat(new String[] {"publish", file.toString()}, stack.connection()))).isZero();
    }

    private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
