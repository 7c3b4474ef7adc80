package io.tip.app.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;

import io.tip.devstack.registry.RegistryServerSettings;
import io.tip.engine.EngineConfig;
import io.tip.model.topics.Topics;
import io.tip.registry.serde.AvroSerdeConfig;

/**
 * Every setting of one tip process, from (lowest to highest precedence) built-in defaults, a
 * properties file, {@code TIP_*} environment variables and command-line flags. Settings tip does
 * not know — SASL, SSL, any Kafka client or Streams setting — pass through to Kafka unchanged.
 */
public final class TipSettings {
    private static final String ENV_PREFIX = "TIP_";
    /** Variables of the `tip` launcher itself, not settings. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("TIP_HOME", "TIP_JAVA_OPTS", "TIP_LOG_LEVEL", "TIP_KAFKA_LOG_LEVEL");
    /**
     * {@code TIP_*} variables that are not settings: they pick the images and host ports of
     * docker-compose.yml and the container tests ({@code eval "$(containers/build-images)"} exports them).
     */
    public static final Set<String> CONTAINER_VARIABLES = Set.of("TIP_IMAGE", "TIP_KAFKA_IMAGE", "TIP_REGISTRY_IMAGE",
            "TIP_JRE_IMAGE", "TIP_KAFKA_PORT", "TIP_REGISTRY_PORT", "TIP_API_PORT");

    private final Map<String, String> values;

    private TipSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static TipSettings load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(readProperties(file));
        }
        merged.putAll(fromEnvironment(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        validate(merged);
        return new TipSettings(merged);
    }

    /**
     * Every name must be a tip setting or a Kafka client / Streams setting (a typo would otherwise be
     * ignored silently), and every tip setting must pass its validator. Messages never show values.
     */
    private static void validate(Map<String, String> settings) {
        for (String name : settings.keySet()) {
            if (!SettingNames.isKnown(name)) {
                throw new ConfigException("unknown setting '" + name + "'"
                        + SettingNames.closest(name).map(c -> "; did you mean '" + c + "'?").orElse("")
                        + " (tip's settings are listed in docs/reference.md; Kafka client and Kafka Streams settings pass through)");
            }
        }
        new AppConfig(settings);
        new EngineConfig(settings);
        new AvroSerdeConfig(settings);
        new RegistryServerSettings(settings);
    }

    /** {@code TIP_BOOTSTRAP_SERVERS=...} becomes {@code bootstrap.servers=...}. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !LAUNCHER_VARIABLES.contains(name)
                    && !CONTAINER_VARIABLES.contains(name)) {
                settings.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return settings;
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": check the path given to --config");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
        return map;
    }

    public TipSettings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new TipSettings(copy);
    }

    public Map<String, String> all() {
        return values;
    }

    public AppConfig app() {
        return new AppConfig(values);
    }

    /** The settings of tip's own schema registry server (`tip dev`, `tip run --embedded`, `tip registry`). */
    public RegistryServerSettings registryServer() {
        return new RegistryServerSettings(values);
    }

    public EngineConfig engine() {
        return new EngineConfig(values);
    }

    /** Settings for any Kafka client: everything, with the defaults of the connection filled in. */
    public Map<String, Object> kafka() {
        Map<String, Object> kafka = new LinkedHashMap<>(values);
        kafka.put(AppConfig.BOOTSTRAP_SERVERS, app().bootstrapServers());
        return kafka;
    }

    /** Settings for the Avro serdes: the registry URL plus any schema-registry / basic-auth settings. */
    public Map<String, Object> serde() {
        Map<String, Object> serde = new LinkedHashMap<>(values);
        serde.put(AppConfig.SCHEMA_REGISTRY_URL, app().schemaRegistryUrl());
        return serde;
    }

    public Topics topics() {
        return Topics.create(engine().topicPrefix(), serde());
    }
}
