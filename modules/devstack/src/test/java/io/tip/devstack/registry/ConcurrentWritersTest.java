package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

/** Two registry instances on one `_schemas` topic, registering at the same time: ids stay unique. */
class ConcurrentWritersTest {
    private static final int PER_INSTANCE = 50;

    @Test
    void twoInstancesRegisteringAtOnceNeverGiveTwoSchemasOneId() throws Exception {
        // Given two registries on the same broker and schema topic
        SchemaRegistryServerConfig config = SchemaRegistryServerConfig.forKafka(SharedStack.get().bootstrapServers())
            .withTopic(SharedStack.uniqueName("_schemas"));
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config);
             SchemaRegistryServer b = SchemaRegistryServer.start(config)) {
            List<SchemaRegistryServer> instances = List.of(a, b);

            // When each registers 50 different schemas from its own thread, at the same time
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<Map<Integer, String>>> results = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                String url = instances.get(instance).url();
                String name = "I" + instance;
                results.add(threads.submit(() -> registerMany(url, name)));
            }
            Map<Integer, String> idToSchema = new HashMap<>();
            long start = System.nanoTime();
            for (Future<Map<Integer, String>> result : results) {
                result.get().forEach((id, schema) -> {
                    String earlier = idToSchema.put(id, schema);
                    assertThat(earlier).as("id %d was answered for two schemas", id).isNull();
                });
            }
            threads.shutdown();
            System.out.printf("2 x %d concurrent registrations took %d ms (machine shared)%n", PER_INSTANCE,
                (System.nanoTime() - start) / 1_000_000);

            // Then 100 distinct ids, and both instances map every id to the schema it was given for
            assertThat(idToSchema).hasSize(2 * PER_INSTANCE);
            for (SchemaRegistryServer instance : instances) {
                RawHttp http = new RawHttp(instance.url());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (Map.Entry<Integer, String> entry : idToSchema.entrySet()) {
                        RawHttp.Answer answer = http.get("/schemas/ids/" + entry.getKey());
                        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                        assertThat(answer.json().get("schema").asText()).isEqualTo(entry.getValue());
                    }
                    assertThat(http.get("/subjects").json()).hasSize(2 * PER_INSTANCE);
                });
            }
        }
    }

    private static Map<Integer, String> registerMany(String url, String name) {
        RawHttp http = new RawHttp(url);
        Map<Integer, String> ids = new HashMap<>();
        for (int i = 0; i < PER_INSTANCE; i++) {
            String schema = "{\"type\":\"record\",\"name\":\"" + name + "R" + i + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
            RawHttp.Answer answer = http.post("/subjects/" + name + "-" + i + "-value/versions", RawHttp.schemaBody(schema));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            int id = answer.json().get("id").asInt();
            assertThat(ids.put(id, TestSchemas.parse(schema).toString())).as("id %d twice from %s", id, name).isNull();
        }
        return ids;
    }
}
