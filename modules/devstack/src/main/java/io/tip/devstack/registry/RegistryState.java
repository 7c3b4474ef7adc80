package io.tip.devstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the {@code _schemas} topic says, folded in log order. Only the log reader changes it, so
 * every registry instance on the same topic converges on the same state.
 */
final class RegistryState {
    private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId;

    synchronized void apply(SchemaVersion version) {
        subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemasById.putIfAbsent(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
        maxId = Math.max(maxId, version.id());
    }

    /** A permanent delete: the version is gone, and its id too when no other version (of any subject) holds it. */
    synchronized void remove(String subject, int version) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        SchemaVersion removed = versions == null ? null : versions.remove(version);
        if (removed == null) {
            return;
        }
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        boolean idStillHeld = subjects.values().stream().flatMap(v -> v.values().stream()).anyMatch(v -> v.id() == removed.id());
        if (!idStillHeld) {
            schemasById.remove(removed.id());
            idsBySchema.remove(removed.schema(), removed.id());
        }
    }

    synchronized void applyLevel(String subjectOrNull, CompatibilityLevel levelOrNull) {
        if (subjectOrNull == null) {
            globalLevel = levelOrNull == null ? CompatibilityLevel.BACKWARD : levelOrNull;
        } else if (levelOrNull == null) {
            subjectLevels.remove(subjectOrNull);
        } else {
            subjectLevels.put(subjectOrNull, levelOrNull);
        }
    }

    /** Live (not soft-deleted) versions, oldest first; empty when the subject is unknown. */
    synchronized List<SchemaVersion> liveVersions(String subject) {
        List<SchemaVersion> live = new ArrayList<>();
        for (SchemaVersion v : subjects.getOrDefault(subject, new TreeMap<>()).values()) {
            if (!v.deleted()) {
                live.add(v);
            }
        }
        return live;
    }

    /** Every version still in the log, soft-deleted ones included, oldest first. */
    synchronized List<SchemaVersion> allVersions(String subject) {
        return new ArrayList<>(subjects.getOrDefault(subject, new TreeMap<>()).values());
    }

    synchronized List<String> liveSubjects() {
        return subjects.keySet().stream().filter(s -> !liveVersions(s).isEmpty()).sorted().toList();
    }

    /** The next version number; soft-deleted versions keep theirs, as in Confluent. */
    synchronized int nextVersion(String subject) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /** The same schema text gets the same id in every subject. */
    synchronized int idFor(String canonicalSchema) {
        Integer known = idsBySchema.get(canonicalSchema);
        return known != null ? known : maxId + 1;
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }
}
