package io.tip.app.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** Where settings come from besides the defaults and {@code TIP_*} variables: a properties file and {@code -D} flags. */
public final class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with any tip, Kafka client or Kafka Streams setting (SASL, SSL, ...).")
    Path config;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any single setting, e.g. -D security.protocol=SASL_SSL (wins over the file and TIP_* variables).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The file, the environment, then {@code -D}, then {@code flags} (a command's own options). */
    public TipSettings settings(Map<String, String> flags) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(flags);
        return TipSettings.load(config, System.getenv(), all);
    }

    public TipSettings settings() {
        return settings(Map.of());
    }
}
