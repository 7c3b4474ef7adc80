package io.tip.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** `tip registry` reads its addresses the way Confluent's registry writes them. */
class RegistryCommandTest {

    @Test
    void aListenerIsOneHttpHostAndPort() {
        URI everyInterface = RegistryCommand.listener("http://0.0.0.0:8081");
        assertThat(everyInterface.getHost()).isEqualTo("0.0.0.0");
        assertThat(everyInterface.getPort()).isEqualTo(8081);

        for (String bad : new String[] {"0.0.0.0:8081", "https://0.0.0.0:8081", "http://0.0.0.0", "http://a:1,http://b:2", "http://"}) {
            assertThatThrownBy(() -> RegistryCommand.listener(bad)).as(bad).isInstanceOf(UserError.class)
                    .hasMessageContaining("must be one http://HOST:PORT").hasMessageContaining(bad);
        }
    }

    @Test
    void kafkaAddressesMayCarryThePlaintextPrefixConfluentUses() {
        assertThat(RegistryCommand.plaintext("PLAINTEXT://kafka:19092, broker2:9092")).isEqualTo("kafka:19092,broker2:9092");

        assertThatThrownBy(() -> RegistryCommand.plaintext("SASL_SSL://kafka:9093")).isInstanceOf(UserError.class)
                .hasMessageContaining("PLAINTEXT only").hasMessageContaining("SASL_SSL");
    }
}
