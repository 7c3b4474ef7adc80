package io.tip.devstack.registry;

import static io.tip.devstack.registry.RegistryAccessTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

/** Confluent's two-step delete: soft first, then {@code ?permanent=true}, which leaves tombstones in the schema topic. */
class PermanentDeleteTest {
    @Test
    void permanentDeletesNeedASoftDeleteFirstAndRemoveIdsForGood() {
        String bootstrap = SharedStack.get().bootstrapServers();
        SchemaRegistryServerConfig config = SchemaRegistryServerConfig.forKafka(bootstrap).withTopic(SharedStack.uniqueName("_schemas"));
        String subject = "prices-value";
        String versions = "/subjects/" + subject + "/versions";
        int v1Id;
        int v2Id;
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
            RawHttp http = new RawHttp(server.url());
            v1Id = http.post(versions, RawHttp.schemaBody(TestSchemas.PRICE)).json().get("id").asInt();
            v2Id = http.post(versions, RawHttp.schemaBody(TestSchemas.PRICE_WITH_CURRENCY)).json().get("id").asInt();

            // A permanent delete of anything live is refused
            assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40405,
                "Subject 'prices-value' was not deleted first before being permanently deleted");
            assertError(http.delete(versions + "/1?permanent=true"), 404, 40407,
                "Subject 'prices-value' Version 1 was not deleted first before being permanently deleted");

            // Soft, then soft again (40406), then permanent: the version and its id are gone
            assertThat(http.delete(versions + "/1").body()).isEqualTo("1");
            assertError(http.delete(versions + "/1"), 404, 40406, "Version 1 was soft deleted.Set permanent=true");
            assertThat(http.get("/schemas/ids/" + v1Id).status()).isEqualTo(200);
            assertThat(http.delete(versions + "/1?permanent=true").body()).isEqualTo("1");
            assertError(http.get("/schemas/ids/" + v1Id), 404, 40403, "Schema " + v1Id + " not found");
            assertError(http.delete(versions + "/1?permanent=true"), 404, 40402, "Version 1 not found.");
            assertThat(http.get(versions).body()).isEqualTo("[2]");

            // The subject: soft (then 40404 when repeated), then permanent
            assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[2]");
            assertError(http.delete("/subjects/" + subject), 404, 40404, "Subject 'prices-value' was soft deleted.Set permanent=true");
            assertThat(http.get("/schemas/ids/" + v2Id).status()).isEqualTo(200);
            assertThat(http.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[2]");
            assertError(http.get("/schemas/ids/" + v2Id), 404, 40403, "not found");
            assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40401, "Subject 'prices-value' not found.");
            assertError(http.get(versions), 404, 40401, "not found");
        }

        // The topic holds tombstones for both versions (compaction drops them), so a new instance knows nothing of them
        Map<String, byte[]> latest = latestPerKey(bootstrap, config.topic());
        assertThat(latest.get("{\"keytype\":\"SCHEMA\",\"subject\":\"prices-value\",\"version\":1,\"magic\":1}")).isNull();
        assertThat(latest.get("{\"keytype\":\"SCHEMA\",\"subject\":\"prices-value\",\"version\":2,\"magic\":1}")).isNull();
        assertThat(latest).containsKeys("{\"keytype\":\"SCHEMA\",\"subject\":\"prices-value\",\"version\":1,\"magic\":1}");
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            RawHttp http = new RawHttp(restarted.url());
            assertThat(http.get("/subjects").body()).isEqualTo("[]");
            assertError(http.get("/schemas/ids/" + v2Id), 404, 40403, "not found");
            // and registering the schema again starts the subject over, under a new id
            RawHttp.Answer again = http.post(versions, RawHttp.schemaBody(TestSchemas.PRICE));
            assertThat(again.json().get("id").asInt()).isGreaterThan(v2Id);
            assertThat(http.get(versions).body()).isEqualTo("[1]");
        }
    }

    /** Every key of the topic with its newest value (null for a tombstone), read committed. */
    private static Map<String, byte[]> latestPerKey(String bootstrap, String topic) {
        Map<String, byte[]> latest = new HashMap<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(new String(record.key(), StandardCharsets.UTF_8), record.value());
                }
            }
        }
        return latest;
    }
}
