package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.registry.SharedStack;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.serde.AvroSerdeConfig;
import io.tip.registry.serde.KafkaAvroDeserializer;
import io.tip.registry.serde.KafkaAvroSerializer;
import io.tip.registry.testdata.Side;
import io.tip.registry.testdata.Trade;

/**
 * A real third-party client (npm @kafkajs/confluent-schema-registry) against our server and serde.
 * CI has node and reaches the npm registry, so under {@code CI=true} a missing node or a failed
 * install fails the build; elsewhere the test is skipped with the reason.
 */
class ConfluentJsClientInteropTest {
    private static final Path DIR = Path.of("target", "node-interop");
    private static final String PACKAGE = "@kafkajs/confluent-schema-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String registryUrl = SharedStack.get().registryUrl();
    private final Map<String, Object> serdeConfig = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

    @BeforeAll
    static void installTheNodeClient() throws Exception {
        Result node = run(60, "node", "--version");
        require(node.ok(), "node is not installed (" + node.output().strip() + "): the " + PACKAGE + " interop test needs it");
        Files.createDirectories(DIR);
        if (!Files.exists(DIR.resolve("node_modules").resolve(PACKAGE).resolve("package.json"))) {
            Result install = run(300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                "--prefix", DIR.toString(), PACKAGE + "@3");
            require(install.ok(), "npm install " + PACKAGE + " failed: " + install.output());
        }
        try (InputStream script = ConfluentJsClientInteropTest.class.getResourceAsStream("/interop/confluent-client.js")) {
            Files.copy(script, DIR.resolve("confluent-client.js"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void whatTheNodeClientRegistersAndEncodesJavaDecodes() throws Exception {
        // Given a subject the node client registers Trade v1 under
        String subject = SharedStack.uniqueName("js-trades") + "-value";
        String payload = "{\"symbol\":\"ACME\",\"quantity\":3,\"side\":\"SELL\"}";

        // When it encodes a trade
        JsonNode encoded = node("encode", registryUrl, subject, Trade.getClassSchema().toString(), payload);

        // Then our registry has it under the same id and our deserializer reads the bytes
        assertThat(CachedSchemaRegistryClient.forUrl(registryUrl).getLatest(subject).id()).isEqualTo(encoded.get("id").asInt());
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serdeConfig, false);
        Object read = deserializer.deserialize("js-trades", HexFormat.of().parseHex(encoded.get("hex").asText()));
        assertThat(read).isEqualTo(new Trade("ACME", 3, Side.SELL));
    }

    @Test
    void whatJavaSerializesTheNodeClientDecodes() throws Exception {
        // Given a trade serialized by our serializer (registering on the way)
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serdeConfig, false);
        byte[] bytes = serializer.serialize(SharedStack.uniqueName("java-trades"), new Trade("ACME", 5, Side.BUY));

        // When the node client decodes it, fetching the schema by id from our registry
        JsonNode decoded = node("decode", registryUrl, HexFormat.of().formatHex(bytes));

        // Then it sees the same trade
        assertThat(decoded).isEqualTo(JSON.readTree("{\"symbol\":\"ACME\",\"quantity\":5,\"side\":\"BUY\"}"));
    }

    /** Fails under CI=true, where node and the npm registry are there to be used; skips with the reason elsewhere. */
    private static void require(boolean ok, String reason) {
        if (!ok && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " (CI=true: CI has node and the npm registry, so this is a failure, not a skip)");
        }
        assumeTrue(ok, reason + ": skipping");
    }

    private static JsonNode node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve("confluent-client.js").toString()));
        command.addAll(List.of(args));
        Result result = run(30, command.toArray(String[]::new));
        assertThat(result.ok()).as("node client failed: " + result.output()).isTrue();
        String[] lines = result.output().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command with its output going to a file, so the timeout holds even when it prints nothing and never ends. */
    private static Result run(int timeoutSeconds, String... command) throws InterruptedException {
        try {
            Path output = Files.createTempFile("tip-node-interop", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, String.join(" ", command) + " timed out after " + timeoutSeconds + " s: "
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }
}
