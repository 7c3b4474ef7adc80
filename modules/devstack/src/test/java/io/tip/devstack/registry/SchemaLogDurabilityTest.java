package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.testdata.Trade;

/** Each test has its own schema topic, so it starts from an empty registry. */
class SchemaLogDurabilityTest {
    private final String bootstrap = SharedStack.get().bootstrapServers();

    @Test
    void idsSubjectsAndLevelsSurviveARestartOnTheSameTopic() {
        // Given a registry that registered two subjects and set a level
        SchemaRegistryServerConfig config = SchemaRegistryServerConfig.forKafka(bootstrap).withTopic(SharedStack.uniqueName("_schemas"));
        int priceId;
        int tradeId;
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(first.url());
            priceId = client.register("prices-value", TestSchemas.parse(TestSchemas.PRICE));
            tradeId = client.register("trades-value", Trade.getClassSchema());
            new RawHttp(first.url()).put("/config/trades-value", "{\"compatibility\":\"FULL\"}");
        }

        // When a new instance starts on the same topic
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            RawHttp http = new RawHttp(restarted.url());
            SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(restarted.url());

            // Then it knows every id, subject and level, and keeps allocating after the old ids
            assertThat(http.get("/subjects").body()).isEqualTo("[\"prices-value\",\"trades-value\"]");
            assertThat(client.getSchemaById(tradeId)).isEqualTo(Trade.getClassSchema());
            assertThat(client.getId("prices-value", TestSchemas.parse(TestSchemas.PRICE))).isEqualTo(priceId);
            assertThat(http.get("/config/trades-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            int next = client.register("trades-value", TestSchemas.parse(TestSchemas.TRADE_V2));
            assertThat(next).isGreaterThan(Math.max(priceId, tradeId));
        }
    }

    @Test
    void twoInstancesOnOneTopicAgree() {
        // Given two registries sharing a schema topic
        SchemaRegistryServerConfig config = SchemaRegistryServerConfig.forKafka(bootstrap).withTopic(SharedStack.uniqueName("_schemas"));
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config);
             SchemaRegistryServer b = SchemaRegistryServer.start(config)) {
            SchemaRegistryClient clientA = CachedSchemaRegistryClient.forUrl(a.url());
            SchemaRegistryClient clientB = CachedSchemaRegistryClient.forUrl(b.url());

            // When A registers a schema
            int id = clientA.register("prices-value", TestSchemas.parse(TestSchemas.PRICE));

            // Then B serves it, and what B registers next does not reuse A's id
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new RawHttp(b.url()).get("/schemas/ids/" + id).status()).isEqualTo(200));
            assertThat(clientB.getSchemaById(id)).isEqualTo(TestSchemas.parse(TestSchemas.PRICE));
            int fromB = clientB.register("trades-value", Trade.getClassSchema());
            assertThat(fromB).isNotEqualTo(id);
            assertThat(clientB.register("other-value", TestSchemas.parse(TestSchemas.PRICE))).isEqualTo(id);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new RawHttp(a.url()).get("/subjects").body()).isEqualTo("[\"other-value\",\"prices-value\",\"trades-value\"]"));
        }
    }
}
