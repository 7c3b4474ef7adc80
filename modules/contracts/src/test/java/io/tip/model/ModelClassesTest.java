package io.tip.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tests run with org.apache.avro.SERIALIZABLE_PACKAGES set, so they would pass even if
 * {@link ModelClasses#trust()} trusted nothing; this checks the predicate it installs directly.
 */
class ModelClassesTest {

    @Test
    void trustsTheGeneratedModelClassesAndNothingElse() {
        assertThat(ModelClasses.GENERATED_HERE.isTrusted(ThesisStatus.class)).isTrue();
        assertThat(ModelClasses.GENERATED_HERE.isTrusted(FiredSignal.class)).isTrue();
        assertThat(ModelClasses.GENERATED_HERE.isTrusted(ThesisState.class)).isTrue();
        assertThat(ModelClasses.GENERATED_HERE.isTrusted(String.class)).isFalse();
        assertThat(ModelClasses.GENERATED_HERE.isTrusted(io.tip.model.topics.Topics.class)).isFalse();
    }
}
