package io.tip.app.config;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka brokers (default: localhost:9092, or TIP_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry URL(s) (default: http://localhost:8081, or TIP_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Mixin
    SettingsOptions source;

    public TipSettings settings() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (bootstrapServers != null) flags.put(AppConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        if (schemaRegistryUrl != null) flags.put(AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return source.settings(flags);
    }
}
