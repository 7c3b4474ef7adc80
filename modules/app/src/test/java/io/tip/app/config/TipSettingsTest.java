package io.tip.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TipSettingsTest {
    @TempDir Path dir;

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        // Given a file, the environment and flags that disagree
        Path file = dir.resolve("tip.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nhttp.port=1111\nsecurity.protocol=SASL_SSL\n");
        Map<String, String> env = Map.of("TIP_SCHEMA_REGISTRY_URL", "http://env:8081", "TIP_HTTP_PORT", "2222", "PATH", "/bin");

        // When they are merged
        TipSettings settings = TipSettings.load(file, env, Map.of("http.port", "3333"));

        // Then each setting comes from the strongest source, and unknown ones pass through to Kafka
        assertThat(settings.app().bootstrapServers()).isEqualTo("file:9092");
        assertThat(settings.app().schemaRegistryUrl()).isEqualTo("http://env:8081");
        assertThat(settings.app().httpPort()).isEqualTo(3333);
        assertThat(settings.kafka()).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("path");
    }

    @Test
    void theVariablesThatPickContainerImagesAreNotSettings() {
        // Given the shell of someone who ran `eval "$(containers/build-images)"`
        Map<String, String> env = Map.of("TIP_IMAGE", "tip:abc", "TIP_KAFKA_IMAGE", "tip-kafka:def", "TIP_API_PORT", "18080",
                "TIP_HTTP_PORT", "2222");

        // When tip reads its settings
        TipSettings settings = TipSettings.load(null, env, Map.of());

        // Then none of them reaches Kafka or tip, while real TIP_* settings still do
        assertThat(settings.all()).doesNotContainKeys("image", "kafka.image", "api.port");
        assertThat(settings.app().httpPort()).isEqualTo(2222);
    }

    @Test
    void defaultsPointAtTheLocalStackOfTipDev() {
        TipSettings settings = TipSettings.load(null, Map.of(), Map.of());

        assertThat(settings.kafka()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(settings.serde()).containsEntry("schema.registry.url", "http://localhost:8081");
        assertThat(settings.engine().dedupeRetention().toDays()).isEqualTo(7);
    }

    @Test
    void aMissingConfigFileSaysWhichFlagToFix() {
        assertThatThrownBy(() -> TipSettings.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .hasMessageContaining("nope.properties").hasMessageContaining("--config");
    }

    @Test
    void anUnknownTipSettingIsAnErrorNamingTheClosestRealOne() {
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("topic.prefx", "team-a.")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'topic.prefx'")
                .hasMessageContaining("did you mean 'topic.prefix'?")
                .hasMessageNotContaining("team-a.");
        assertThatThrownBy(() -> TipSettings.load(null, Map.of("TIP_VALIDATION_MAX_EVENT_BYTE", "1"), Map.of()))
                .hasMessageContaining("did you mean 'validation.max.event.bytes'?");
    }

    @Test
    void tipAlertSettingsAreKnownSettings() {
        // tip alert's settings (alert.*) are tip settings too: `tip alert -D alert.max.attempts=6` must not be refused
        TipSettings settings = TipSettings.load(null, Map.of("TIP_ALERT_BACKOFF_MAX_MS", "2000"),
                Map.of("alert.max.attempts", "6", "alert.backoff.initial.ms", "50", "vault.name", "research"));
        assertThat(settings.all()).containsEntry("alert.max.attempts", "6").containsEntry("alert.backoff.max.ms", "2000");
    }

    @Test
    void kafkaClientAndStreamsSettingsStillPassThrough() {
        TipSettings settings = TipSettings.load(null, Map.of("TIP_HOME", "/opt/tip", "TIP_JAVA_OPTS", "-Xmx1g"), Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";",
                "consumer.max.poll.records", "100", "producer.linger.ms", "5", "topic.segment.bytes", "1048576",
                "processing.guarantee", "exactly_once_v2", "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p"));

        assertThat(settings.kafka()).containsKeys("security.protocol", "sasl.jaas.config", "consumer.max.poll.records",
                "producer.linger.ms", "topic.segment.bytes").doesNotContainKeys("home", "java.opts");
    }

    @Test
    void everyTipSettingIsValidated() {
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("topic.replication.factor", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.replication.factor");
        assertThat(TipSettings.load(null, Map.of(), Map.of("topic.replication.factor", "-1")).app().topicReplicationFactor()).isEqualTo((short) -1);
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("topic.prefix", "a b")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.prefix");
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("bootstrap.servers", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("validation.max.event.bytes", "12")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("validation.max.event.bytes");
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("specific.avro.reader", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.reader");
    }

    @Test
    void aRegistryUrlWithCredentialsIsNeverShown() {
        assertThatThrownBy(() -> TipSettings.load(null, Map.of(), Map.of("schema.registry.url", "alice:urlsecret@registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("urlsecret");
    }
}
