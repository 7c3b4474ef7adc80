package io.tip.registry.serde;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import io.tip.registry.client.RegistryClientConfig;

/**
 * Settings of the Avro serializer and deserializer, under Confluent's names. The registry keys
 * ({@code schema.registry.url}, {@code basic.auth.*}) come from {@link RegistryClientConfig}.
 * The subject is always {@code <topic>-value} or {@code <topic>-key} (Confluent's TopicNameStrategy).
 */
public class AvroSerdeConfig extends AbstractConfig {
    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    public static final String BASIC_AUTH_USER_INFO = RegistryClientConfig.BASIC_AUTH_USER_INFO;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private static final ConfigDef DEFINITION = new ConfigDef(RegistryClientConfig.definition())
        .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
            "Register the record's schema under the subject on first use. When false the schema must already be registered.")
        .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
            "With auto.register.schemas=false: write with the subject's latest registered schema instead of looking up the record's own.")
        .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
            "Deserialize into the generated SpecificRecord class named by the writer schema instead of a GenericRecord.");

    public AvroSerdeConfig(Map<String, ?> props) {
        super(DEFINITION, props, false);
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public RegistryClientConfig clientConfig() {
        return new RegistryClientConfig(originals());
    }
}
