package io.tip.devstack.registry;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * How much one request may ask of the registry. The body cap keeps a chunked upload from filling the
 * heap of the JVM that also runs the broker; the schema caps keep Avro's compatibility check short
 * (it compares enum symbols pairwise, and recurses once per nesting level).
 */
record RegistryLimits(int maxRequestBytes, int maxSchemaBytes, int maxSchemaDepth, int maxEnumSymbols) {

    /** Refuses schema text over the size cap before anything parses it. */
    void checkText(String schemaText) {
        int bytes = schemaText.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSchemaBytes) {
            throw RegistryError.invalidSchema("Invalid schema: " + bytes + " bytes, more than the " + maxSchemaBytes
                + " this registry accepts (" + RegistryServerSettings.MAX_SCHEMA_BYTES + ")");
        }
    }

    /** Refuses a parsed schema nested deeper, or with a larger enum, than the caps. */
    void checkShape(Schema schema) {
        walk(schema, 1, new HashSet<>());
    }

    private void walk(Schema schema, int depth, Set<String> seenNamedTypes) {
        if (depth > maxSchemaDepth) {
            throw RegistryError.invalidSchema("Invalid schema: nested more than " + maxSchemaDepth
                + " levels deep, the most this registry accepts (" + RegistryServerSettings.MAX_SCHEMA_DEPTH + ")");
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (seenNamedTypes.add(schema.getFullName())) {
                    for (Schema.Field field : schema.getFields()) {
                        walk(field.schema(), depth + 1, seenNamedTypes);
                    }
                }
            }
            case ENUM -> {
                if (schema.getEnumSymbols().size() > maxEnumSymbols) {
                    throw RegistryError.invalidSchema("Invalid schema: enum " + schema.getFullName() + " has "
                        + schema.getEnumSymbols().size() + " symbols, more than the " + maxEnumSymbols
                        + " this registry accepts (" + RegistryServerSettings.MAX_ENUM_SYMBOLS + ")");
                }
            }
            case ARRAY -> walk(schema.getElementType(), depth + 1, seenNamedTypes);
            case MAP -> walk(schema.getValueType(), depth + 1, seenNamedTypes);
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    walk(branch, depth + 1, seenNamedTypes);
                }
            }
            default -> {
                // primitives and fixed end the path
            }
        }
    }
}
