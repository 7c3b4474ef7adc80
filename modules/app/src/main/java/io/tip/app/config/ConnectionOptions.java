package io.tip.app.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka brokers (default: localhost:9092, or TIP_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry URL(s) (default: http://localhost:8081, or TIP_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with any tip, Kafka client or Kafka Streams setting (SASL, SSL, ...).")
    Path config;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any single setting, e.g. -D security.protocol=SASL_SSL (wins over the file and TIP_* variables).")
    Map<String, String> overrides = new LinkedHashMap<>();

    public TipSettings settings() {
        Map<String, String> flags = new LinkedHashMap<>(overrides);
        if (bootstrapServers != null) flags.put(AppConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        if (schemaRegistryUrl != null) flags.put(AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return TipSettings.load(config, System.getenv(), flags);
    }
}
