package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.http.HttpApi;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topics;

/**
 * Issue 14: a registry that answers 503 (as Confluent's does during a leader change) and an unreadable
 * table record must neither stop `tip run` from starting nor dead-letter good events.
 */
class RegistryOutageTest {

    @Test
    void anUnreadableTableRecordAndARegistryOutageNeitherStopTheStartNorDeadLetterGoodEvents(@TempDir Path dir) {
        // Stream threads are meant to fail here (and be replaced): Awaitility must not take their exceptions for the test's.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        try (TestStack stack = TestStack.start(dir);
             RegistryProxy proxy = RegistryProxy.to(stack.registryUrl())) {
            // Given the example vault loaded, with one garbage record in the theses table
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(stack.topics().theses().name(), bytes("broken-note"), bytes("not a thesis")));
            }

            // When tip run starts while the registry answers 503 to everything
            proxy.failing(true);
            TipSettings settings = stack.settings(Map.of("schema.registry.url", proxy.url(), "application.id", "tip-outage",
                    "state.dir", dir.resolve("streams").toString(), "http.port", "0"));
            Topics topics = Topics.create("", Map.of("schema.registry.url", proxy.url()));
            List<MarketEvent> events = EventStream.examples();
            try (HttpApi http = HttpApi.start(settings, topics);
                 CommittedTopic<byte[], byte[]> deadLetters = CommittedTopic.raw(stack.bootstrapServers(), stack.topics().deadLetters().name());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts())) {
                TipHttp api = new TipHttp(http.port());
                // (KafkaStreams#start returns once the global tables are restored)
                CompletableFuture<PipelineService> starting = CompletableFuture.supplyAsync(() ->
                        PipelineService.start(http.streamsSettings(settings), topics, http.metrics()));

                // Then it waits for the registry while restoring the tables (not ready), instead of dying
                await("restore retrying against the failing registry").atMost(Duration.ofSeconds(60))
                        .until(() -> proxy.refused() >= 3);
                assertThat(starting).as("start-up still waiting for the registry, not failed").isNotDone();
                assertThat(api.get("/health/ready").status()).isEqualTo(503);

                // and once the registry answers, it starts, with the unreadable record skipped, counted and reported
                proxy.failing(false);
                try (PipelineService pipeline = starting.get(2, TimeUnit.MINUTES)) {
                    http.attach(pipeline);
                    pipeline.awaitRunning(Duration.ofMinutes(2));
                    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready").status() == 200);
                    var health = api.get("/health").json();
                    assertThat(health.at("/skippedTableRecords/theses/skipped").asLong()).isEqualTo(1);
                    assertThat(health.at("/skippedTableRecords/theses/lastReason").asText()).contains("magic byte");
                    assertThat(api.get("/metrics").body()).contains("tip_table_records_skipped_total{topic=\"theses\"} 1.0");

                    // When the registry fails again before the pipeline has read any event's schema, and events arrive
                    proxy.failing(true);
                    int refusedBefore = proxy.refused();
                    assertThat(Tip.run(HeadlineScenario.concat(new String[] {"publish", Repo.exampleEvents().toString()},
                            stack.connection()))).isZero();

                    // Then no good event is dead-lettered; the stream thread fails, backs off and retries, and readiness says so
                    String problem = await("/health naming the failure the thread keeps hitting").atMost(Duration.ofSeconds(90))
                            .until(() -> api.get("/health").json().path("problem").asText(""), p -> !p.isEmpty());
                    assertThat(problem).contains("stream thread failed").contains("503");
                    assertThat(api.get("/health/ready").status()).isEqualTo(503);
                    assertThat(proxy.refused()).isGreaterThan(refusedBefore);
                    assertThat(api.get("/metrics").body()).containsPattern("tip_stream_thread_replacements_total [1-9]");
                    assertThat(deadLetters.catchUp()).as("dead letters during the outage").isEmpty();

                    // and once the registry answers, every event gives its impacts, none is a dead letter, and it is ready again
                    proxy.failing(false);
                    ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), events);
                    await("every event processed after the outage").atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                            assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(
                                    expected.impactsById().keySet().stream().collect(Collectors.toMap(id -> id, id -> 1))));
                    assertThat(deadLetters.catchUp()).as("dead letters").isEmpty();
                    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health/ready").status() == 200);
                }
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new AssertionError("the pipeline did not start once the registry answered", e);
            }
        }
    }

    @AfterEach
    void resetAwaitility() {
        Awaitility.reset();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
