package io.tip.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels. BACKWARD: consumers on the new schema read old data;
 * FORWARD: consumers on an old schema read new data; FULL: both. TRANSITIVE checks every live
 * version, otherwise only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    public static Optional<CompatibilityLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The versions a candidate must be checked against: all of them when transitive, else the newest. */
    <V> List<V> relevant(List<V> liveVersionsOldestFirst) {
        if (transitive || liveVersionsOldestFirst.isEmpty()) {
            return liveVersionsOldestFirst;
        }
        return List.of(liveVersionsOldestFirst.get(liveVersionsOldestFirst.size() - 1));
    }

    /** Why {@code candidate} breaks this level against {@code existing}; empty when compatible. */
    List<String> problems(Schema candidate, Schema existing) {
        List<String> problems = new ArrayList<>();
        if (newReadsOld) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing), "new schema reading old data", problems);
        }
        if (oldReadsNew) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate), "old schema reading new data", problems);
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                + incompatibility.getMessage() + "', location:'" + incompatibility.getLocation() + "'}");
        }
    }
}
