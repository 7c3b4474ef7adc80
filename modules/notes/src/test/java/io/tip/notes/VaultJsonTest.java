package io.tip.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tip lint --json}: the records and problems as one plain JSON document. */
class VaultJsonTest {

    @Test
    void rendersRecordsFieldByFieldAndProblems() throws Exception {
        // given the example vault
        Vault vault = Vault.read(Path.of("../../examples/vault"));
        // when it is rendered and read back as JSON
        JsonNode json = new ObjectMapper().readTree(VaultJson.render(vault));
        // then every table is there, with plain values (no Avro union wrappers)
        assertThat(json.fieldNames()).toIterable().containsExactly("theses", "implications", "entities", "problems");
        assertThat(json.get("theses")).hasSize(3);
        assertThat(json.get("implications")).hasSize(4);
        assertThat(json.get("entities")).hasSize(5);
        JsonNode seed = thesis(json, "training-inference-convergence");
        assertThat(seed.get("updated").asText()).isEqualTo("2025-12-30");
        assertThat(seed.get("evidence").get(0).get("stance").isNull()).isTrue();
        assertThat(seed.get("evidence").get(0).get("company").asText()).isEqualTo("Amazon");
        assertThat(seed.get("signals").get(0).get("stance").asText()).isEqualTo("CHALLENGES");
        assertThat(seed.get("signals").get(0).get("weight").asDouble()).isEqualTo(0.8);
        assertThat(seed.get("sourceLine").asInt()).isEqualTo(3);
        assertThat(json.get("implications").get(0).get("polarity").asText()).isEqualTo("REVIEW");
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("Training-inference convergence.md");
        assertThat(problem.get("line").asInt()).isEqualTo(81);
        assertThat(problem.get("severity").asText()).isEqualTo("WARNING");
        assertThat(problem.get("message").asText()).startsWith("[[Hyperscaler chip roadmap]] links to no note");
    }

    private static JsonNode thesis(JsonNode json, String id) {
        for (JsonNode thesis : json.get("theses")) {
            if (thesis.get("id").asText().equals(id)) {
                return thesis;
            }
        }
        throw new AssertionError("no thesis " + id);
    }
}
