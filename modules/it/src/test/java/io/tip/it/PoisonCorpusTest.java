package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.pipeline.PipelineService;
import io.tip.engine.internal.process.DeadLetterHandler;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.registry.client.RegistryClientConfig;
import io.tip.registry.client.SchemaRegistryClient;

/**
 * Issue 7, poison corpus: every kind of bad record a producer can send lands in market-events.dlq
 * with a reason header; the good records around each one are all processed; the pipeline never stops.
 */
class PoisonCorpusTest {
    private static final String KIND_HEADER = "it.kind";

    /** Kafka's default max.request.size / message.max.bytes: every dead letter, as a whole, must fit under it. */
    private static final int KAFKA_DEFAULT_LIMIT = 1024 * 1024;

    /** One bad record: what it is, its bytes, its own headers, and a word its dead letter's reason must contain. */
    record Poison(String kind, byte[] key, byte[] value, String reasonMentions, List<Header> headers) {
        Poison(String kind, byte[] key, byte[] value, String reasonMentions) {
            this(kind, key, value, reasonMentions, List.of());
        }
    }

    @Test
    void everyBadRecordIsDeadLetteredWithAReasonAndTheGoodOnesAroundItAreProcessed(@TempDir Path dir) {
        try (TestStack stack = TestStack.start(dir)) {
            // Given the example vault and a running pipeline
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, stack.connection())))
                    .isZero();
            try (PipelineService pipeline = PipelineService.start(stack.settings(Map.of("application.id", "tip-poison",
                         "state.dir", dir.resolve("streams").toString())), stack.topics());
                 KafkaProducer<byte[], byte[]> raw = rawProducer(stack.bootstrapServers());
                 CommittedTopic<byte[], byte[]> deadLetters = CommittedTopic.raw(stack.bootstrapServers(), stack.topics().deadLetters().name());
                 CommittedTopic<String, ThesisImpact> impacts = CommittedTopic.of(stack.bootstrapServers(), stack.topics().impacts());
                 CommittedTopic<String, MarketEvent> unmatched = CommittedTopic.of(stack.bootstrapServers(), stack.topics().unmatched())) {
                pipeline.awaitRunning(Duration.ofMinutes(2));
                List<Poison> corpus = corpus(stack);
                assertThat(corpus).hasSizeGreaterThanOrEqualTo(19);

                // When each bad record is sent between two good events
                List<MarketEvent> good = EventStream.of("good", 2 * corpus.size() + 1);
                var goodSerializer = stack.topics().marketEvents().valueSerde().serializer();
                int g = 0;
                for (Poison poison : corpus) {
                    for (MarketEvent event : List.of(good.get(g++), good.get(g++))) {
                        raw.send(new ProducerRecord<>(stack.topics().marketEvents().name(), event.getId().getBytes(StandardCharsets.UTF_8),
                                goodSerializer.serialize(stack.topics().marketEvents().name(), event)));
                    }
                    ProducerRecord<byte[], byte[]> bad = new ProducerRecord<>(stack.topics().marketEvents().name(), poison.key(), poison.value());
                    bad.headers().add(KIND_HEADER, poison.kind().getBytes(StandardCharsets.UTF_8));
                    poison.headers().forEach(bad.headers()::add);
                    raw.send(bad);
                }
                MarketEvent last = good.get(g);
                raw.send(new ProducerRecord<>(stack.topics().marketEvents().name(), last.getId().getBytes(StandardCharsets.UTF_8),
                        goodSerializer.serialize(stack.topics().marketEvents().name(), last)));
                raw.flush();

                // Then every bad record is in the dead-letter topic once, with a reason a producer can act on
                Map<String, ConsumerRecord<byte[], byte[]>> letters = await("a dead letter for each of " + corpus.size() + " kinds")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> byKind(deadLetters.catchUp()), m -> m.keySet().containsAll(kinds(corpus)));
                assertThat(deadLetters.catchUp()).as("dead letters, one per bad record").hasSize(corpus.size());
                for (Poison poison : corpus) {
                    ConsumerRecord<byte[], byte[]> letter = letters.get(poison.kind());
                    String reason = header(letter, "tip.reason");
                    assertThat(reason).as(poison.kind() + ": tip.reason").isNotBlank()
                            .containsIgnoringCase(poison.reasonMentions());
                    assertThat(header(letter, "__streams.errors.exception")).as(poison.kind() + ": __streams.errors.exception").isNotBlank();
                    assertThat(size(letter)).as(poison.kind() + ": the dead letter as a whole, in bytes").isLessThan(KAFKA_DEFAULT_LIMIT);
                    if (!poison.headers().isEmpty()) {
                        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER)).as(poison.kind() + ": what was cut")
                                .contains("original headers").contains("dropped");
                    }
                    if (poison.value() != null && poison.value().length > DeadLetterHandler.MAX_LETTER_BYTES) {
                        // too large for Kafka's default limits twice over: the letter keeps the start and says so
                        assertThat(letter.value()).as(poison.kind() + ": the first bytes received")
                                .isEqualTo(Arrays.copyOf(poison.value(), DeadLetterHandler.MAX_LETTER_BYTES));
                        assertThat(header(letter, DeadLetterHandler.TRUNCATED_HEADER)).contains(poison.value().length + " bytes");
                    } else {
                        assertThat(letter.value()).as(poison.kind() + ": the bytes received").isEqualTo(poison.value());
                    }
                }
                // and the good events around them are all processed
                ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), good);
                await("every good event processed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(impacts.countBy(ThesisImpact::getId)).isEqualTo(
                            expected.impactsById().keySet().stream().collect(Collectors.toMap(id -> id, id -> 1)));
                    assertThat(unmatched.values()).hasSize(expected.unmatched());
                });
                // and the pipeline never stopped
                assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(pipeline.streams().metadataForLocalThreads()).hasSize(1);
            }
        }
    }

    private static List<Poison> corpus(TestStack stack) {
        String topic = stack.topics().marketEvents().name();
        SchemaRegistryClient registry = SchemaRegistryClient.create(new RegistryClientConfig(Map.of("schema.registry.url", stack.registryUrl())));
        Schema schema = ConfluentWire.parse(Repo.marketEventSchema());
        int id = registry.register(topic + "-value", schema);
        List<Poison> corpus = new ArrayList<>();

        corpus.add(poison("garbage bytes", "p-garbage", "hello, not avro at all".getBytes(StandardCharsets.UTF_8), "magic byte"));
        byte[] good = ConfluentWire.encode(id, schema, GenericEvents.groqLike(schema, "p-magic", "ACQUISITION"));
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 1;
        corpus.add(poison("wrong magic byte", "p-magic", wrongMagic, "magic byte"));
        corpus.add(poison("unknown schema id", "p-schema-id",
                ConfluentWire.encode(987_654, schema, GenericEvents.groqLike(schema, "p-schema-id", "ACQUISITION")), "987654"));
        byte[] full = ConfluentWire.encode(id, schema, GenericEvents.groqLike(schema, "p-truncated", "ACQUISITION"));
        corpus.add(poison("truncated avro", "p-truncated", Arrays.copyOf(full, full.length / 2), "truncated"));
        corpus.add(poison("empty value", "p-empty", new byte[0], "truncated"));

        Schema unrelated = ConfluentWire.parse("""
                {"type":"record","name":"Invoice","namespace":"com.example.billing","fields":[
                 {"name":"number","type":"string"},{"name":"total","type":"double"}]}""");
        int unrelatedId = registry.register("invoices-value", unrelated);
        GenericRecord invoice = new GenericData.Record(unrelated);
        invoice.put("number", "INV-1");
        invoice.put("total", 12.5);
        corpus.add(poison("unrelated schema", "p-unrelated", ConfluentWire.encode(unrelatedId, unrelated, invoice), "Invoice"));

        corpus.add(new Poison("null value", "p-null-value".getBytes(StandardCharsets.UTF_8), null, "null value"));
        corpus.add(new Poison("null key", null, ConfluentWire.encode(id, schema, GenericEvents.groqLike(schema, "p-null-key", "ACQUISITION")),
                "null key"));

        // An older or foreign producer whose MarketEvent has no headline: it cannot be read as ours.
        Schema noHeadline = ConfluentWire.parse(withoutField(schema, "headline"));
        int noHeadlineId = registry.register("market-events-no-headline-value", noHeadline);
        GenericRecord missing = new GenericData.Record(noHeadline);
        GenericRecord full2 = GenericEvents.groqLike(schema, "p-missing", "ACQUISITION");
        noHeadline.getFields().forEach(f -> missing.put(f.name(), full2.get(f.name())));
        corpus.add(poison("missing required field", "p-missing", ConfluentWire.encode(noHeadlineId, noHeadline, missing), "headline"));
        GenericRecord blank = GenericEvents.groqLike(schema, "p-blank", "ACQUISITION");
        blank.put("actor", " ");
        corpus.add(poison("blank required field", "p-blank", ConfluentWire.encode(id, schema, blank), "actor"));

        // A newer producer's enum symbol written under the registered (older) schema id: index 12 does not exist there.
        Schema newer = ConfluentWire.parse(schema.toString().replace("\"OTHER\"],", "\"OTHER\",\"SPINOFF\"],"));
        assertThat(newer.getField("type").schema().getEnumSymbols()).contains("SPINOFF");
        corpus.add(poison("unknown enum symbol", "p-enum",
                ConfluentWire.frame((byte) 0, id, ConfluentWire.avro(newer, GenericEvents.groqLike(newer, "p-enum", "SPINOFF"))), "enum"));

        GenericRecord farFuture = GenericEvents.groqLike(schema, "p-9999", "ACQUISITION");
        farFuture.put("occurredAt", Instant.parse("9999-12-31T00:00:00Z").toEpochMilli());
        corpus.add(poison("year 9999", "p-9999", ConfluentWire.encode(id, schema, farFuture), "future"));
        GenericRecord huge = GenericEvents.groqLike(schema, "p-huge", "ACQUISITION");
        huge.put("headline", "x".repeat(5 * 1024 * 1024));
        corpus.add(poison("5 MB headline", "p-huge", ConfluentWire.encode(id, schema, huge), "headline"));
        GenericRecord negative = GenericEvents.groqLike(schema, "p-negative", "ACQUISITION");
        negative.put("amountUsd", -1L);
        corpus.add(poison("negative amount", "p-negative", ConfluentWire.encode(id, schema, negative), "amountUsd"));
        corpus.add(poison("key differs from id", "p-other-key",
                ConfluentWire.encode(id, schema, GenericEvents.groqLike(schema, "p-key-mismatch", "ACQUISITION")), "differs"));

        // Issue 14: records that used to stop a partition.
        // A MarketEvent whose producer added a last field of a type that contains itself, registered under some
        // subject, and bytes nesting it a million levels deep: Avro's skip recursed into StackOverflowError.
        Schema recursive = ConfluentWire.parse(withField(schema, "{\"name\":\"extra\",\"type\":[\"null\",{\"type\":\"record\","
                + "\"name\":\"Node\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}],"
                + "\"default\":null}"));
        int recursiveId = registry.register("market-events-recursive-value", recursive);
        byte[] body = ConfluentWire.avro(schema, GenericEvents.groqLike(schema, "p-recursive", "ACQUISITION"));
        byte[] deep = Arrays.copyOf(body, body.length + 1_000_000 + 1); // ends with 0: the innermost next is null
        Arrays.fill(deep, body.length, body.length + 1_000_000, (byte) 2); // union branch 1: another Node follows
        corpus.add(poison("recursive writer schema", "p-recursive", ConfluentWire.frame((byte) 0, recursiveId, deep), "nested too deeply"));

        // A valid event of ~2 MB within every field limit that matches nothing: its unmatched forward was too large.
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            attributes.put(String.format("%04d", i) + "k".repeat(3996), "v".repeat(4000));
        }
        GenericRecord large = unmatchable(schema, "p-large");
        large.put("attributes", attributes);
        corpus.add(poison("2 MB valid event", "p-large", ConfluentWire.encode(id, schema, large), "validation.max.event.bytes"));

        // 1.5 MB of record headers: the dead letter copied them all, was too large, and was dead-lettered recursively.
        corpus.add(new Poison("garbage with 1.5 MB of headers", "p-heavy-garbage".getBytes(StandardCharsets.UTF_8),
                "not avro, heavy".getBytes(StandardCharsets.UTF_8), "magic byte", heavyHeaders()));
        corpus.add(new Poison("valid event with 1.5 MB of headers", "p-heavy-valid".getBytes(StandardCharsets.UTF_8),
                ConfluentWire.encode(id, schema, unmatchable(schema, "p-heavy-valid")), "validation.max.event.bytes", heavyHeaders()));
        return corpus;
    }

    private static String withoutField(Schema schema, String field) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(schema.toString());
            var fields = (com.fasterxml.jackson.databind.node.ArrayNode) node.get("fields");
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).get("name").asText().equals(field)) {
                    fields.remove(i);
                    break;
                }
            }
            return json.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid event no thesis of the example vault cares about. */
    private static GenericRecord unmatchable(Schema schema, String id) {
        GenericRecord event = GenericEvents.groqLike(schema, id, "EARNINGS");
        event.put("actor", "Nobody Inc");
        event.put("target", null);
        event.put("tags", List.of());
        event.put("amountUsd", null);
        return event;
    }

    private static List<Header> heavyHeaders() {
        byte[] tenKb = new byte[10 * 1024];
        Arrays.fill(tenKb, (byte) 'h');
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            headers.add(new RecordHeader("trace-" + i, tenKb));
        }
        return headers;
    }

    private static int size(ConsumerRecord<byte[], byte[]> letter) {
        int size = (letter.key() == null ? 0 : letter.key().length) + (letter.value() == null ? 0 : letter.value().length);
        for (Header h : letter.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return size;
    }

    private static String withField(Schema schema, String fieldJson) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(schema.toString());
            ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("fields")).add(json.readTree(fieldJson));
            return json.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Poison poison(String kind, String key, byte[] value, String reasonMentions) {
        return new Poison(kind, key.getBytes(StandardCharsets.UTF_8), value, reasonMentions);
    }

    private static Set<String> kinds(List<Poison> corpus) {
        return corpus.stream().map(Poison::kind).collect(Collectors.toSet());
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byKind(List<ConsumerRecord<byte[], byte[]>> letters) {
        Map<String, ConsumerRecord<byte[], byte[]>> byKind = new LinkedHashMap<>();
        letters.forEach(l -> byKind.put(header(l, KIND_HEADER), l));
        return byKind;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024); // the 5 MB headline, compressed on the wire
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // keeps the sandwich order
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
