package io.tip.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.tip.app.config.AppConfig;
import io.tip.app.config.TipSettings;
import io.tip.engine.EngineConfig;

/** docker-compose.yml must parse and speak the same settings, ports and commands as the code. */
class ComposeFileTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");
    private final String text = read();
    /** The file as Compose reads it when none of its variables is set: each ${VAR:-default} is its default. */
    private final Map<String, Object> compose = new Yaml().load(VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2))));

    private static String read() {
        try {
            return Files.readString(Path.of("../../docker-compose.yml"));
        } catch (IOException e) {
            throw new AssertionError("docker-compose.yml is missing", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        ((Map<String, Object>) service(name).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void everyTipVariableIsASettingTheCodeKnows() {
        Set<String> known = new java.util.HashSet<>(AppConfig.CONFIG.names());
        known.addAll(EngineConfig.CONFIG.names());
        known.addAll(StreamsConfig.configDef().names());
        known.addAll(AdminClientConfig.configNames());
        for (String service : List.of("tip", "tip-load")) {
            TipSettings tip = TipSettings.load(null, environment(service), Map.of());
            Map<String, String> settings = tip.all();
            assertThat(settings).containsKeys("bootstrap.servers", "schema.registry.url");
            assertThat(known).as(service + " sets only settings tip or Kafka Streams defines").containsAll(settings.keySet());
            // and each value passes its setting's validation (type and range)
            assertThat(tip.app().bootstrapServers()).isEqualTo(settings.get("bootstrap.servers"));
            tip.engine();
        }
    }

    @Test
    void portsAndAddressesLineUp() {
        Map<String, String> tip = environment("tip");
        assertThat(service("tip").get("ports")).asList().contains(tip.get("TIP_HTTP_PORT") + ":" + tip.get("TIP_HTTP_PORT"));
        assertThat(tip.get("TIP_SCHEMA_REGISTRY_URL")).isEqualTo("http://schema-registry:8081");
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS")).endsWith(":8081");
        String kafkaInternal = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")[0].replace("INTERNAL://", "");
        assertThat(tip.get("TIP_BOOTSTRAP_SERVERS")).isEqualTo(kafkaInternal);
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")).isEqualTo(kafkaInternal);
        // the host ports match tip's defaults, so `tip load` / `tip publish` on the host need no flags
        assertThat(service("kafka").get("ports")).asList().contains("9092:9092");
        assertThat(service("schema-registry").get("ports")).asList().contains("8081:8081");
        assertThat(AppConfig.CONFIG.defaultValues()).containsEntry(AppConfig.BOOTSTRAP_SERVERS, List.of("localhost:9092"))
                .containsEntry(AppConfig.SCHEMA_REGISTRY_URL, List.of("http://localhost:8081"));
    }

    @Test
    void kafkaCanRunExactlyOnceOnOneNode() {
        Map<String, String> kafka = environment("kafka");
        assertThat(kafka).containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
    }

    @Test
    void imagesAndHostPortsAreChosenByContainerVariablesThatAreNotSettings() {
        // the official images by default; containers/build-images exports variables that pick local ones
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:4.4.0");
        assertThat(String.valueOf(service("schema-registry").get("image"))).startsWith("confluentinc/cp-schema-registry:");
        assertThat(service("tip").get("image")).isEqualTo("tip:0.1.0").isEqualTo(service("tip-load").get("image"));
        Set<String> variables = VARIABLE.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(variables).contains("TIP_IMAGE", "TIP_KAFKA_IMAGE", "TIP_REGISTRY_IMAGE", "TIP_KAFKA_PORT");
        assertThat(TipSettings.CONTAINER_VARIABLES).as("tip itself ignores them").containsAll(variables);
        assertThat(text).as("every variable has a default").doesNotContainPattern("\\$\\{[A-Z0-9_]+}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForHealthyDependenciesInsteadOfRestartLoops() {
        for (String name : List.of("kafka", "schema-registry", "tip")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat((Map<String, Object>) service("schema-registry").get("depends_on"))
                .containsEntry("kafka", Map.of("condition", "service_healthy"));
        for (String name : List.of("tip", "tip-load")) {
            assertThat((Map<String, Object>) service(name).get("depends_on")).as(name)
                    .containsEntry("kafka", Map.of("condition", "service_healthy"))
                    .containsEntry("schema-registry", Map.of("condition", "service_healthy"));
            assertThat(service(name)).as(name).doesNotContainKey("restart");
        }
    }

    @Test
    void theServicesRunRealTipCommands() {
        assertThat(service("tip").get("command")).isEqualTo(List.of("run"));
        assertThat(service("tip-load").get("command")).isEqualTo(List.of("load", "/vault"));
        for (String name : List.of("tip", "tip-load")) {
            List<String> command = (List<String>) service(name).get("command");
            // picocli parses it as tip would, without running it: an unknown command or option fails here
            var parsed = io.tip.app.Tip.commandLine().parseArgs(command.toArray(String[]::new));
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(command.get(0));
        }
    }
}
