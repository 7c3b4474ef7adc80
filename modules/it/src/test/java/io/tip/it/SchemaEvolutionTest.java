package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.registry.serde.KafkaAvroSerializer;

/**
 * Issue 7, schema evolution: a producer on a newer, BACKWARD-compatible MarketEvent (an added optional
 * field, an added enum symbol) and one on the published version write at the same time; both are processed.
 */
class SchemaEvolutionTest {
    private static final int EACH = 300;

    @Test
    void aNewerAndAnOlderProducerWriteAtOnceAndBothAreProcessed(@TempDir Path dir) throws Exception {
        try (TestStack stack = TestStack.start(dir)) {
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            Schema published = ConfluentWire.parse(Repo.marketEventSchema());
            Schema newer = ConfluentWire.parse(published.toString()
                    .replace("\"OTHER\"],", "\"OTHER\",\"SPINOFF\"],")
                    .replace("{\"name\":\"attributes\"", "{\"name\":\"region\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"attributes\""));
            assertThat(newer.getField("region")).as("the added optional field").isNotNull();
            assertThat(newer.getField("type").schema().getEnumSymbols()).contains("SPINOFF");

            // Given the old producer's events (generated classes) and the newer producer's (GenericRecords,
            // every third one a SPINOFF the pipeline's schema does not know)
            List<MarketEvent> old = EventStream.of("old", EACH);
            List<GenericRecord> fresh = new ArrayList<>();
            List<MarketEvent> freshAsRead = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                String type = i % 3 == 0 ? "SPINOFF" : "ACQUISITION";
                GenericRecord record = GenericEvents.groqLike(newer, String.format("new-%05d", i), type);
                record.put("region", "us");
                fresh.add(record);
                GenericRecord asPublished = GenericEvents.groqLike(published, String.format("new-%05d", i), "ACQUISITION");
                freshAsRead.add(MarketEvent.newBuilder(EventStream.examples().get(3)).setId(record.get("id").toString())
                        .setType(type.equals("SPINOFF") ? EventType.OTHER : EventType.ACQUISITION)
                        .setHeadline(asPublished.get("headline").toString()).setSource("generic-producer").setTags(List.of("inference"))
                        .build());
            }
            List<MarketEvent> all = new ArrayList<>(old);
            all.addAll(freshAsRead);
            ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), all);

            try (Pipeline pipeline = Pipeline.start(stack, "tip-evolution", dir.resolve("streams"), Map.of());
                 EventProducer oldProducer = new EventProducer(stack.bootstrapServers(), stack.topics().marketEvents());
                 KafkaProducer<String, Object> newProducer = newerProducer(stack);
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, MarketEvent> unmatched = CommittedTopic.of(stack.bootstrapServers(), stack.topics().unmatched());
                 CommittedTopic<byte[], byte[]> deadLetters = CommittedTopic.raw(stack.bootstrapServers(), stack.topics().deadLetters().name())) {
                // When both write at the same time
                CompletableFuture<Void> newer1 = CompletableFuture.runAsync(() -> {
                    fresh.forEach(r -> newProducer.send(new ProducerRecord<>("market-events", r.get("id").toString(), r)));
                    newProducer.flush();
                });
                oldProducer.sendAll(old);
                newer1.get();

                // Then every event of both is processed, the unknown symbol read as OTHER, none dead-lettered
                await("every impact of both producers").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(ReferenceCounts.ones(expected.impactsById().keySet()));
                    assertThat(unmatched.values()).hasSize(expected.unmatched());
                });
                assertThat(impacts.values()).filteredOn(i -> i.getEventId().startsWith("new-")).isNotEmpty()
                        .extracting(ThesisImpact::getEventType).contains(EventType.ACQUISITION);
                assertThat(java.util.stream.Stream.concat(
                        impacts.values().stream().filter(i -> i.getEventId().equals("new-00000")).map(ThesisImpact::getEventType),
                        unmatched.values().stream().filter(e -> e.getId().equals("new-00000")).map(MarketEvent::getType)))
                        .as("the SPINOFF event, read through the enum default").isNotEmpty().containsOnly(EventType.OTHER);
                assertThat(deadLetters.catchUp()).as("dead letters").isEmpty();
            }
        }
    }

    private static KafkaProducer<String, Object> newerProducer(TestStack stack) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", stack.registryUrl()), false); // auto-registers the newer version
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer);
    }
}
