package io.tip.app.docs;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

import io.tip.app.alert.AlertConfig;
import io.tip.app.config.AppConfig;
import io.tip.devstack.registry.RegistryServerSettings;
import io.tip.engine.EngineConfig;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import io.tip.registry.serde.AvroSerdeConfig;

/**
 * The configuration and topic reference, rendered from where settings and topics are defined, so
 * docs/reference.md cannot drift from the code (a test compares them).
 */
public final class Reference {
    private Reference() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# tip reference\n\n")
                .append("Generated from the code by `./tip reference`; do not edit by hand.\n\n")
                .append("Settings come from (lowest to highest precedence) the defaults below, a properties file (`--config FILE`), ")
                .append("`TIP_*` environment variables (`TIP_BOOTSTRAP_SERVERS` = `bootstrap.servers`) and flags (`-D key=value`). ")
                .append("Any Kafka client or Kafka Streams setting (SASL, SSL, `num.stream.threads`, ...) passes through unchanged.\n\n");
        out.append("## Topics\n\nTopic names take the `topic.prefix` setting in front.\n\n")
                .append("| topic | key | value | kept as | holds |\n|---|---|---|---|---|\n");
        Topics topics = Topics.create("", Map.of(AppConfig.SCHEMA_REGISTRY_URL, "mock://reference"));
        for (Topic<?, ?> topic : topics.all()) {
            out.append("| `").append(topic.name()).append("` | ").append(keyOf(topic)).append(" | ").append(valueOf(topic))
                    .append(" | ").append(topic.compacted() ? "compacted table" : "stream").append(" | ").append(topic.doc()).append(" |\n");
        }
        out.append("| `").append(topics.subscriptionTopicName("<name>")).append("` | string | Avro `ThesisImpact` | stream | ")
                .append("One per subscription, created by `tip subscribe create`: every committed impact the subscription wants, ")
                .append("written by the pipeline in the same transaction as thesis-impacts, with the header tip.subscription. Key: thesis id. |\n");
        section(out, "Service and connection (`tip run` and every command)", AppConfig.CONFIG);
        section(out, "Pipeline", EngineConfig.CONFIG);
        section(out, "Alert delivery (`tip alert`)", AlertConfig.CONFIG);
        section(out, "Schema registry and Avro serde (Confluent's names)", AvroSerdeConfig.definition());
        section(out, "tip's schema registry server (`tip dev`, `tip run --embedded`, `tip registry`)", RegistryServerSettings.CONFIG);
        return out.toString();
    }

    private static String keyOf(Topic<?, ?> topic) {
        return topic.valueSchema() == null ? "bytes as received" : "string";
    }

    private static String valueOf(Topic<?, ?> topic) {
        return topic.valueSchema() == null ? "bytes as received" : "Avro `" + topic.valueSchema() + "`";
    }

    private static void section(StringBuilder out, String title, ConfigDef def) {
        out.append("\n## ").append(title).append("\n\n| setting | env | type | default | valid | doc |\n|---|---|---|---|---|---|\n");
        List<ConfigKey> keys = def.configKeys().values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toList();
        for (ConfigKey key : keys) {
            out.append("| `").append(key.name).append("` | `TIP_").append(key.name.toUpperCase(Locale.ROOT).replace('.', '_'))
                    .append("` | ").append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ").append(defaultOf(key))
                    .append(" | ").append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|"))
                    .append(" | ").append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault() || key.defaultValue == null) {
            return "";
        }
        Object value = key.defaultValue instanceof Password ? "(hidden)" : key.defaultValue;
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }
}
