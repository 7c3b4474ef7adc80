package io.tip.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas are the pipeline's public API: consumers and producers in other languages rely on
 * them. Every schema must stay BACKWARD compatible with its first released version (the baseline),
 * so data written with the baseline is readable with the current schema.
 */
class SchemaEvolutionTest {
    private static final Path SCHEMAS = Path.of("../../schemas");

    static Stream<SpecificRecordBase> records() {
        return Stream.of(new MarketEvent(), new Thesis(), new Implication(), new Entity(),
                new ThesisImpact(), new ThesisState(), new ThesisAlert());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void currentSchemaReadsDataWrittenWithTheBaseline(SpecificRecordBase record) throws IOException {
        // Given the baseline of this record (parsed with the shared named types it refers to)
        Schema current = record.getSchema();
        Schema baseline = baselineSchemas().stream()
                .filter(s -> s.getFullName().equals(current.getFullName()))
                .findFirst().orElseThrow(() -> new AssertionError("no baseline for " + current.getFullName()));

        // When the current schema reads data written with the baseline
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, baseline);

        // Then nothing is incompatible
        assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyFieldIsDocumentedAndEveryEnumHasADefault(SpecificRecordBase record) {
        List<String> problems = new ArrayList<>();
        collect(record.getSchema(), problems, new ArrayList<>());
        assertThat(problems).isEmpty();
    }

    private static void collect(Schema schema, List<String> problems, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) return;
                seen.add(schema.getFullName());
                for (Schema.Field f : schema.getFields()) {
                    if (f.doc() == null || f.doc().isBlank()) problems.add(schema.getName() + "." + f.name() + " has no doc");
                    collect(f.schema(), problems, seen);
                }
            }
            case ENUM -> {
                if (schema.getEnumDefault() == null) problems.add("enum " + schema.getName() + " has no default symbol");
            }
            case ARRAY -> collect(schema.getElementType(), problems, seen);
            case MAP -> collect(schema.getValueType(), problems, seen);
            case UNION -> schema.getTypes().forEach(t -> collect(t, problems, seen));
            default -> { }
        }
    }

    /** Baselines refer to each other's named types, so they are parsed in dependency order. */
    private static List<Schema> baselineSchemas() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        List<Schema> schemas = new ArrayList<>();
        for (String file : List.of("market_event", "thesis", "implication", "entity", "thesis_impact", "thesis_state", "thesis_alert")) {
            schemas.add(parser.parse(Files.readString(SCHEMAS.resolve("baseline").resolve(file + ".avsc"))));
        }
        return schemas;
    }
}
