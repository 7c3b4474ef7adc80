package io.tip.engine.internal.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ImpactIdTest {

    @Test
    void ids_are_exactly_the_name_based_uuids_they_always_were() {
        for (String name : new String[] {"", "impact\u0000evt-1\u0000thesis-a", "alert\u0000t\u0000ü✓ long ".repeat(20)}) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            assertThat(ImpactId.nameUuid(bytes)).isEqualTo(UUID.nameUUIDFromBytes(bytes));
        }
        assertThat(ImpactId.of("evt-1", "thesis-a"))
                .isEqualTo(UUID.nameUUIDFromBytes("impact\u0000evt-1\u0000thesis-a".getBytes(StandardCharsets.UTF_8)).toString());
    }
}
