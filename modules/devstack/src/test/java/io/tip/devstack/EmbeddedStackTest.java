package io.tip.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.client.RegistryUnreachableException;

class EmbeddedStackTest {
    @TempDir Path data;

    @Test
    void aStackRestartedOnItsDataDirectoryKeepsEveryId() {
        // Given a stack with a registered schema, closed again
        int id;
        String oldUrl;
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStackConfig.in(data))) {
            oldUrl = stack.registryUrl();
            id = CachedSchemaRegistryClient.forUrl(stack.registryUrl()).register("prices-value", TestSchemas.parse(TestSchemas.PRICE));
        }
        assertThatThrownBy(() -> CachedSchemaRegistryClient.forUrl(oldUrl).getSchemaById(id))
            .isInstanceOf(RegistryUnreachableException.class);

        // When a new stack starts on the same directory
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStackConfig.in(data))) {
            // Then the schema is still there under its id
            assertThat(CachedSchemaRegistryClient.forUrl(stack.registryUrl()).getSchemaById(id))
                .isEqualTo(TestSchemas.parse(TestSchemas.PRICE));
        }
    }
}
