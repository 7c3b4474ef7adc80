package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.devstack.broker.EmbeddedKafka;
import io.tip.devstack.broker.EmbeddedKafkaConfig;
import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

/** Deleting single versions, and what a client gets when the registry's Kafka is gone: Confluent's 5xx codes, not a hang. */
class RegistryFailuresTest {
    @Test
    void deletingOneVersionLeavesTheOthersAndTheLastOneTakesTheSubject() {
        RawHttp http = new RawHttp(SharedStack.get().registryUrl());
        String subject = SharedStack.uniqueName("delete-version") + "-value";
        assertThat(http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE)).status()).isEqualTo(200);
        assertThat(http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE_WITH_CURRENCY)).status()).isEqualTo(200);

        // When version 1 is deleted
        RawHttp.Answer deleted = http.delete("/subjects/" + subject + "/versions/1");

        // Then the answer is the version deleted, and only version 2 is left
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
        assertError(http.get("/subjects/" + subject + "/versions/1"), 404, 40402, "Version 1 not found.");
        assertError(http.delete("/subjects/" + subject + "/versions/1"), 404, 40406, "Version 1 was soft deleted.Set permanent=true");
        assertError(http.delete("/subjects/" + subject + "/versions/one"), 422, 42202, "'one' is not a valid version id");
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt()).isEqualTo(2);

        // When the latest (and last) version is deleted, the subject is gone
        assertThat(http.delete("/subjects/" + subject + "/versions/latest").body()).isEqualTo("2");
        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401, "Subject '" + subject + "' not found.");
        assertError(http.delete("/subjects/" + subject + "/versions/2"), 404, 40406, "Version 2 was soft deleted");
        assertError(http.delete("/subjects/" + subject + "/versions/3"), 404, 40402, "Version 3 not found.");
        assertThat(http.get("/subjects").body()).doesNotContain("\"" + subject + "\"");
    }

    @Test
    void withItsKafkaGoneAWriteIsA500WithConfluentsTimeoutCodeAndReadsStillAnswer(@TempDir Path dir) {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.in(dir.resolve("kafka")));
        try (SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistryServerConfig.forKafka(kafka.bootstrapServers()))) {
            RawHttp http = new RawHttp(server.url());
            RawHttp.Answer registered = http.post("/subjects/price-value/versions", RawHttp.schemaBody(TestSchemas.PRICE));
            assertThat(registered.status()).isEqualTo(200);
            int id = registered.json().get("id").asInt();

            // When the broker holding the schema log stops
            kafka.close();

            // Then a write fails with 500 and Confluent's "operation timed out" code, saying what to check,
            // with no exception text (that goes to the registry's log)
            RawHttp.Answer failed = http.post("/subjects/other-value/versions", RawHttp.schemaBody(TestSchemas.PRICE_WITH_CURRENCY));
            assertError(failed, 500, 50002, "Operation timed out: ");
            assertThat(failed.body()).doesNotContainIgnoringCase("exception").doesNotContain("org.apache").doesNotContain("java.");
            // and what it already knows is still served
            assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        } finally {
            kafka.close();
        }
    }

    private static void assertError(RawHttp.Answer answer, int status, int errorCode, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(RawHttp.CONFLUENT_JSON);
        assertThat(answer.json().get("error_code").asInt()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").asText()).contains(messagePart);
    }
}
