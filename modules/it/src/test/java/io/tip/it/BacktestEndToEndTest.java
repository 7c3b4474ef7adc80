package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.app.cli.BacktestCommand;
import io.tip.app.pipeline.PipelineService;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;

/**
 * Issue 11, end to end: the live pipeline has processed the example history; an analyst changes a
 * thesis locally and backtests it. The diff names what the edit changes, nothing is written to
 * tip's topics, and a record that does not deserialize is counted and skipped.
 */
class BacktestEndToEndTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONVERGENCE = HeadlineScenario.CONVERGENCE;

    @Test
    void aChangedSignalShowsAsNewGoneAndChangedAgainstTheLivePipeline(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            Topics topics = stack.topics();
            // Given the live pipeline has processed the example events and one record that is not an event
            assertThat(CliRun.of(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())).exitCode()).isZero();
            try (PipelineService pipeline = PipelineService.start(stack.settings(Map.of("application.id", "tip-live",
                         "state.dir", dir.resolve("streams").toString())), topics);
                 ConsumerGroupLag lag = new ConsumerGroupLag(stack.bootstrapServers());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), topics.impacts())) {
                pipeline.awaitRunning(Duration.ofMinutes(2));
                sendGarbage(stack, topics.marketEvents().name());
                assertThat(CliRun.of(HeadlineScenario.concat(new String[] {"publish", Repo.exampleEvents().toString()}, stack.connection())).exitCode()).isZero();
                await("the pipeline processes the history").atMost(Duration.ofSeconds(90))
                        .until(() -> lag.lag("tip-live", topics.marketEvents().name()) == 0);
                assertThat(impacts.values()).hasSize(13);
            }

            // and a local copy of the vault where the Groq signal now SUPPORTS, the product-launch signal no longer
            // names NVIDIA, and a new signal fires on the Broadcom–OpenAI partnership
            Path vault = copy(Repo.exampleVault(), dir.resolve("vault"));
            Path note = vault.resolve("Training-inference convergence.md");
            String text = Files.readString(note)
                    .replace("| CHALLENGES | type=acquisition and target.tag=inference-specialist", "| SUPPORTS | type=acquisition and target.tag=inference-specialist")
                    .replace("actor=NVIDIA,Google and", "actor=Google and")
                    .replace("| SUPPORTS | type=discontinuation and actor=Amazon", "| SUPPORTS | type=partnership and tag=custom-asic | Custom accelerators for one buyer that trains and serves. | 0.4 |\n| SUPPORTS | type=discontinuation and actor=Amazon");
            Files.writeString(note, text);
            Map<String, Long> endsBefore = endOffsets(stack, topics);

            // When the analyst backtests the changed thesis, with a picture
            Path picture = dir.resolve("convergence.svg");
            CliRun run = CliRun.of(HeadlineScenario.concat(new String[] {"backtest", "--vault", vault.toString(), "--thesis", CONVERGENCE,
                    "--json", "--picture", picture.toString()}, stack.connection()));

            // Then the diff names the new, the gone and the changed impact
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = MAPPER.readTree(run.out());
            JsonNode diff = result.get("diff");
            assertThat(diff.get("new").findValuesAsText("eventId")).containsExactly("evt-avgo-openai");
            assertThat(diff.get("gone").findValuesAsText("eventId")).containsExactly("evt-nvda-b200");
            assertThat(diff.get("changed")).singleElement().satisfies(c -> {
                assertThat(c.get("eventId").asText()).isEqualTo("evt-nvda-groq");
                assertThat(c.get("liveStance").asText()).isEqualTo("CHALLENGES");
                assertThat(c.get("backtestStance").asText()).isEqualTo("SUPPORTS");
            });
            // and the timeline is the thesis's, in event time, with the score the fold gives
            JsonNode timeline = result.get("timelines").get(CONVERGENCE);
            assertThat(timeline.findValuesAsText("eventId")).containsExactly("evt-aws-inferentia", "evt-avgo-openai", "evt-google-ironwood", "evt-nvda-groq");
            assertThat(timeline.get(3).get("score").asDouble()).as("0.7 + 0.4 + 0.5 + 0.8").isEqualTo(2.4);
            // and the record that is not an event was counted and skipped
            assertThat(result.get("undeserializable").asInt()).isEqualTo(1);
            // and the picture has one marker per impact
            String svg = Files.readString(picture);
            assertThat(svg.strip()).contains("<svg").endsWith("</svg>");
            assertThat(svg.split("<g id='impact-", -1)).as("one marker per impact").hasSize(4 + 1);
            // and nothing was written to any of tip's topics
            assertThat(endOffsets(stack, topics)).isEqualTo(endsBefore);

            // When the backtest publishes to a topic of the analyst's own
            CliRun published = CliRun.of(HeadlineScenario.concat(new String[] {"backtest", "--vault", vault.toString(), "--thesis", CONVERGENCE,
                    "--publish", "convergence.backtest"}, stack.connection()));
            // Then that topic holds the four impacts, each marked as a backtest
            assertThat(published.exitCode()).as(published.err()).isZero();
            try (CommittedTopic<byte[], byte[]> mine = CommittedTopic.raw(stack.bootstrapServers(), "convergence.backtest")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> mine.catchUp().size() == 4);
                assertThat(mine.catchUp()).allSatisfy(r -> assertThat(r.headers().lastHeader(BacktestCommand.BACKTEST_HEADER)).isNotNull());
            }
            // and it refuses tip's own topics
            CliRun refused = CliRun.of(HeadlineScenario.concat(new String[] {"backtest", "--vault", vault.toString(),
                    "--publish", topics.impacts().name()}, stack.connection()));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip()).startsWith("tip: --publish thesis-impacts is one of tip's own topics").doesNotContain("\n");
            assertThat(endOffsets(stack, topics)).isEqualTo(endsBefore);
        }
    }

    private static void sendGarbage(TestStack stack, String topic) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "junk".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Map<String, Long> endOffsets(TestStack stack, Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            List<String> names = topics.all().stream().map(Topic::name).toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((p, info) -> ends.put(p.toString(), info.offset()));
            return ends;
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
