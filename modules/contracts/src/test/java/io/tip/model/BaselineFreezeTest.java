package io.tip.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The baselines in {@code schemas/baseline} are the first released contracts (see its README): they
 * never change, or the compatibility check would compare a schema with a moved target. A baseline
 * changes only in a commit that says why and updates its checksum here.
 */
class BaselineFreezeTest {
    private static final Path BASELINE = Path.of("../../schemas/baseline");

    /** SHA-256 of each baseline as released in tip 0.1.0. */
    private static final Map<String, String> RELEASED = Map.of(
            "entity.avsc", "10dc72f5d0850e91017ffea36bf31a390cf0dfdfae9dba11897af29bcc102d26",
            "implication.avsc", "6c7e577e4a08faf996d7a17c5b5d13a9e8055f584d96d9780908e9fd23edf5e9",
            "market_event.avsc", "8d7716370e9e450c84b85113a77cf615c03d1281fd9caee70c51604abdbd0d3e",
            "thesis.avsc", "1449837111224e0c1e00d8da05cae1e44c37ced5ddeb7ef7d2ab488cf196de60",
            "thesis_alert.avsc", "b3eac26b975e39f48904774a370de0bce515ec3ba5f8c3ac4a5f0d296b665d26",
            "thesis_impact.avsc", "a858787ce660baae44ba87e7843996749073c1cc4ab5aa2602dac3202cee2c72",
            "thesis_state.avsc", "a04d6aeb3e067b6fd5ecf043d3d5e85f1e6d24698aefe0c3144443db2de9abdf");

    @Test
    void everyBaselineIsExactlyTheReleasedFile() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(BASELINE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                actual.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
            }
        }
        assertThat(actual).as("schemas/baseline changed: a released contract is never edited (see schemas/baseline/README.md)")
                .isEqualTo(new TreeMap<>(RELEASED));
    }

    /** The comparison the evolution test relies on does reject a change consumers could not read. */
    @Test
    void theCompatibilityCheckRejectsAnIncompatibleChange() {
        Schema released = ThesisState.getClassSchema();
        String withRequiredField = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatory\",\"type\":\"string\"},");
        Schema changed = new Schema.Parser().parse(withRequiredField);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(changed, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
