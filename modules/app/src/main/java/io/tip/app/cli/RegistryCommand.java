package io.tip.app.cli;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.tip.app.config.SettingsOptions;
import io.tip.devstack.registry.SchemaRegistryServer;
import io.tip.devstack.registry.SchemaRegistryServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * tip's schema registry alone, on a Kafka cluster that already runs. Its defaults come from the
 * variables {@code confluentinc/cp-schema-registry} reads, so tip's image runs in that image's place
 * with the same environment (the local containers cannot have Confluent's image).
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run only a Confluent-compatible schema registry (Avro) on an existing Kafka cluster, schemas kept in "
                + "a compacted topic, until SIGTERM / Ctrl-C.",
        footer = {"", "Examples:",
                "  tip registry --bootstrap-servers localhost:9092            (serves http://localhost:8081 on loopback only)",
                "  tip registry --listeners http://0.0.0.0:8081 --bootstrap-servers kafka:19092   (every interface, e.g. in a container)",
                "  tip registry -D registry.auth.users.file=registry-users.properties   (HTTP basic auth; roles admin and read-only)",
                "", "Without flags it reads Confluent's variables, so it runs where confluentinc/cp-schema-registry would:",
                "  SCHEMA_REGISTRY_LISTENERS, SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_KAFKASTORE_TOPIC"})
public final class RegistryCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS:-${env:TIP_BOOTSTRAP_SERVERS:-localhost:9092}}",
            description = "Kafka brokers holding the schema topic; a PLAINTEXT:// prefix is accepted (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--listeners", paramLabel = "URL",
            defaultValue = "${env:SCHEMA_REGISTRY_LISTENERS:-http://" + SchemaRegistryServerConfig.LOOPBACK + ":8081}",
            description = "Where to serve HTTP: http://HOST:PORT; 0.0.0.0 for every interface, port 0 for any free one "
                    + "(default: ${DEFAULT-VALUE}).")
    String listeners;

    @Option(names = "--topic", paramLabel = "NAME",
            defaultValue = "${env:SCHEMA_REGISTRY_KAFKASTORE_TOPIC:-" + SchemaRegistryServerConfig.DEFAULT_TOPIC + "}",
            description = "Compacted topic the schemas are kept in (default: ${DEFAULT-VALUE}).")
    String topic;

    @Mixin
    SettingsOptions source;

    @Override
    public Integer call() throws InterruptedException {
        URI listener = listener(listeners);
        SchemaRegistryServerConfig config = new SchemaRegistryServerConfig(plaintext(bootstrapServers), listener.getHost(),
                listener.getPort(), topic, source.settings().registryServer());
        try (ShutdownSignal shutdown = new ShutdownSignal();
             SchemaRegistryServer registry = start(config)) {
            System.out.println("Schema registry on http://" + listener.getHost() + ":" + registry.port()
                    + " (schemas in topic " + topic + " on " + config.bootstrapServers() + ")" + LocalStack.exposure(listener.getHost())
                    + ". SIGTERM or Ctrl-C stops it.");
            System.out.flush();
            shutdown.await();
        }
        return 0;
    }

    private static SchemaRegistryServer start(SchemaRegistryServerConfig config) {
        try {
            return SchemaRegistryServer.start(config);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage() + " — is Kafka running at " + config.bootstrapServers()
                    + " and the port free? Set --bootstrap-servers / --listeners");
        }
    }

    /** One {@code http://HOST:PORT}, as Confluent's {@code listeners} setting writes it. */
    static URI listener(String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0 || text.contains(",")) {
            throw new UserError("--listeners / SCHEMA_REGISTRY_LISTENERS must be one http://HOST:PORT (e.g. http://0.0.0.0:8081), was '"
                    + text + "'");
        }
        return uri;
    }

    /** {@code PLAINTEXT://kafka:19092,PLAINTEXT://b:9092} → {@code kafka:19092,b:9092}; other protocols are refused. */
    static String plaintext(String servers) {
        return Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            int scheme = s.indexOf("://");
            if (scheme >= 0 && !s.substring(0, scheme).equalsIgnoreCase("PLAINTEXT")) {
                throw new UserError("tip registry connects to Kafka over PLAINTEXT only; '" + s + "' asks for "
                        + s.substring(0, scheme) + " — use Confluent's registry for secured clusters");
            }
            return scheme >= 0 ? s.substring(scheme + 3) : s;
        }).collect(Collectors.joining(","));
    }
}
