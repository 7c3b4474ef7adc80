package io.tip.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tip.model.Thesis;

/** `tip watch --thesis`, the SSE thesis= filter and `tip subscribe --thesis` take what a person calls a thesis. */
class ThesisNamesTest {
    private static final List<Thesis> THESES = List.of(
            Thesis.newBuilder().setId("training-inference-convergence").setTitle("Training-inference convergence")
                    .setAliases(List.of("TIC", "Convergence")).build(),
            Thesis.newBuilder().setId("long-broadcom").setTitle("Long Broadcom").build());

    @Test
    void anIdATitleOrAnAliasFindsTheThesisIgnoringCaseAndPunctuation() {
        assertThat(ThesisNames.idOf("training-inference-convergence", THESES)).isEqualTo("training-inference-convergence");
        assertThat(ThesisNames.idOf("Training-inference convergence", THESES)).isEqualTo("training-inference-convergence");
        assertThat(ThesisNames.idOf("tic", THESES)).isEqualTo("training-inference-convergence");
        assertThat(ThesisNames.idOf("LONG BROADCOM", THESES)).isEqualTo("long-broadcom");
    }

    @Test
    void anUnknownNameIsNotFoundAndFiltersByItsSlug() {
        assertThat(ThesisNames.find("Short Broadcom", THESES)).isEmpty();
        assertThat(ThesisNames.idOf("Short Broadcom", THESES)).isEqualTo("short-broadcom");
    }
}
