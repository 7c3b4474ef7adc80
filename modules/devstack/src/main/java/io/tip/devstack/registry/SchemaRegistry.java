package io.tip.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The registry's rules: ids shared by identical schemas, versions per subject, compatibility
 * levels, soft and permanent deletes as Confluent's. Every write is decided inside
 * {@link SchemaLog#write}, on a state read to the log's end while this instance is the only writer, so
 * the next id and version account for other instances' writes.
 */
final class SchemaRegistry {
    private static final int MAX_DETAIL_CHARS = 300;
    private final SchemaLog log;
    private final RegistryState state;
    private final RegistryLimits limits;

    SchemaRegistry(SchemaLog log, RegistryState state, RegistryLimits limits) {
        this.log = log;
        this.state = state;
        this.limits = limits;
    }

    int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        return log.write(changes -> {
            List<SchemaVersion> live = state.liveVersions(subject);
            for (SchemaVersion existing : live) {
                if (existing.schema().equals(canonical)) {
                    return existing.id();
                }
            }
            CompatibilityLevel level = state.effectiveLevel(subject);
            List<String> problems = new ArrayList<>();
            for (SchemaVersion existing : level.relevant(live)) {
                List<String> found = level.problems(schema, existing.parsed());
                if (!found.isEmpty()) {
                    problems.addAll(found);
                    problems.add("{oldSchemaVersion: " + existing.version() + "}");
                }
            }
            if (!problems.isEmpty()) {
                throw RegistryError.incompatible("Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems + ", {compatibility: '" + level + "'}");
            }
            int id = state.idFor(canonical);
            changes.put(new SchemaVersion(subject, state.nextVersion(subject), id, canonical, false));
            return id;
        });
    }

    /** The live version of {@code subject} holding this schema. */
    SchemaVersion lookup(String subject, String schemaText) {
        String canonical = parse(schemaText).toString();
        List<SchemaVersion> live = liveOrNotFound(subject);
        return live.stream().filter(v -> v.schema().equals(canonical)).reduce((a, b) -> b)
            .orElseThrow(RegistryError::schemaNotFound);
    }

    List<String> subjects() {
        return state.liveSubjects();
    }

    List<Integer> versions(String subject) {
        return liveOrNotFound(subject).stream().map(SchemaVersion::version).toList();
    }

    SchemaVersion version(String subject, String versionSpec) {
        return version(liveOrNotFound(subject), versionSpec);
    }

    private static SchemaVersion version(List<SchemaVersion> versions, String versionSpec) {
        Optional<Integer> wanted = parseVersion(versionSpec);
        if (wanted.isEmpty()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == wanted.get()).findFirst()
            .orElseThrow(() -> RegistryError.versionNotFound(wanted.get()));
    }

    String schemaById(int id) {
        return state.schemaById(id).orElseThrow(() -> RegistryError.schemaIdNotFound(id));
    }

    /** Problems with registering {@code schemaText} against the given version, or against the latest as the level says. */
    List<String> compatibilityProblems(String subject, String versionSpec, String schemaText) {
        Schema schema = parse(schemaText);
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<SchemaVersion> against;
        if (parseVersion(versionSpec).isEmpty()) {
            against = level.relevant(state.liveVersions(subject));
        } else {
            against = List.of(version(subject, versionSpec));
        }
        List<String> problems = new ArrayList<>();
        for (SchemaVersion existing : against) {
            problems.addAll(level.problems(schema, existing.parsed()));
        }
        return problems;
    }

    /**
     * Soft delete: every live version is marked deleted, ids stay resolvable for old data (40404 when the
     * subject is already soft-deleted). Permanent: only after a soft delete (40405), the versions are gone
     * and so are ids no other version holds.
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return log.write(changes -> {
            List<SchemaVersion> all = state.allVersions(subject);
            if (all.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryError.subjectNotSoftDeleted(subject);
                }
                all.forEach(v -> changes.remove(subject, v.version()));
                return all.stream().map(SchemaVersion::version).toList();
            }
            if (live.isEmpty()) {
                throw RegistryError.subjectSoftDeleted(subject);
            }
            live.forEach(v -> changes.put(v.asDeleted()));
            return live.stream().map(SchemaVersion::version).toList();
        });
    }

    /** As {@link #deleteSubject}, for one version: 40406 when already soft-deleted, 40407 when permanent comes first. */
    int deleteVersion(String subject, String versionSpec, boolean permanent) {
        return log.write(changes -> {
            List<SchemaVersion> all = state.allVersions(subject);
            if (all.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            if (permanent) {
                SchemaVersion version = version(all, versionSpec);
                if (!version.deleted()) {
                    throw RegistryError.versionNotSoftDeleted(subject, version.version());
                }
                changes.remove(subject, version.version());
                return version.version();
            }
            Optional<Integer> wanted = parseVersion(versionSpec);
            SchemaVersion version = wanted.isEmpty() ? version(liveOrNotFound(subject), versionSpec) : version(all, versionSpec);
            if (version.deleted()) {
                throw RegistryError.versionSoftDeleted(subject, version.version());
            }
            changes.put(version.asDeleted());
            return version.version();
        });
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    void setLevel(String subjectOrNull, CompatibilityLevel level) {
        log.write(changes -> {
            changes.level(subjectOrNull, level);
            return level;
        });
    }

    CompatibilityLevel clearSubjectLevel(String subject) {
        return log.write(changes -> {
            CompatibilityLevel previous = state.subjectLevel(subject).orElseThrow(() -> RegistryError.subjectNotFound(subject));
            changes.level(subject, null);
            return previous;
        });
    }

    private List<SchemaVersion> liveOrNotFound(String subject) {
        List<SchemaVersion> live = state.liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live;
    }

    /** Parses within the limits; an error names the problem, never echoes the schema. */
    private Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        limits.checkText(schemaText);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(schemaText);
        } catch (RuntimeException | StackOverflowError e) {
            String detail = String.valueOf(e.getMessage());
            throw RegistryError.invalidSchema("Invalid schema, details: "
                + (detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) + "…" : detail));
        }
        limits.checkShape(schema);
        return schema;
    }

    /** Empty for "latest" (or -1, Confluent's alias); 42202 for anything that is not a version number. */
    private static Optional<Integer> parseVersion(String spec) {
        if ("latest".equals(spec) || "-1".equals(spec)) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(spec);
            if (version >= 1) {
                return Optional.of(version);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw RegistryError.invalidVersion(spec);
    }
}
