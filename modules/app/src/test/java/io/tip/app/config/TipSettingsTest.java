package io.tip.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
}
