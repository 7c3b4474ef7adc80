package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.devstack.broker.EmbeddedKafka;
import io.tip.devstack.broker.EmbeddedKafkaConfig;

/** `tip registry`: the registry alone, as its own process, on a broker that already runs. */
class RegistryCommandTest {
    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void servesSchemasFromItsTopicAcrossARestart(@TempDir Path dir) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.in(dir.resolve("kafka")))) {
            // Given `tip registry` on the broker, addressed the way Confluent's settings write it
            String[] args = {"registry", "--bootstrap-servers", "PLAINTEXT://" + kafka.bootstrapServers(),
                    "--listeners", "http://127.0.0.1:0", "--topic", "_schemas_cli"};
            Schema schema = ConfluentWire.parse(Repo.marketEventSchema());
            GenericRecord event = GenericEvents.groqLike(schema, "registry-cli", "ACQUISITION");
            byte[] framed;
            try (TipProcess registry = TipProcess.start(dir.resolve("logs"), "registry", args)) {
                // When a producer that has only the .avsc registers it and frames a record
                int id = new PlainAvroClient(url(registry)).register("market-events-value", schema);
                framed = ConfluentWire.encode(id, schema, event);
                assertThat(registry.stop()).isIn(0, 143);
            }
            // Then a restarted registry still knows the schema by its id, read back from the topic
            try (TipProcess again = TipProcess.start(dir.resolve("logs"), "registry-again", args)) {
                PlainAvroClient consumer = new PlainAvroClient(url(again));
                assertThat(consumer.decode(framed).get("headline").toString()).isEqualTo(event.get("headline"));
                assertThat(again.stop()).isIn(0, 143);
            }
        }
    }

    private static String url(TipProcess registry) {
        return "http://127.0.0.1:" + registry.awaitOutput("Schema registry on http://127\\.0\\.0\\.1:(\\d+)", START).group(1);
    }
}
