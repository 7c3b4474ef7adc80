package io.tip.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The registry's rules: ids shared by identical schemas, versions per subject, compatibility
 * levels. Writes go through {@link SchemaLog} and are serialised here, after catching up with
 * the log, so the next id and version account for other instances' writes.
 */
final class SchemaRegistry {
    private final SchemaLog log;
    private final RegistryState state;

    SchemaRegistry(SchemaLog log, RegistryState state) {
        this.log = log;
        this.state = state;
    }

    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        log.catchUp();
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
        log.append(new SchemaVersion(subject, state.nextVersion(subject), id, canonical, false));
        return id;
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
        List<SchemaVersion> live = liveOrNotFound(subject);
        Optional<Integer> wanted = parseVersion(versionSpec);
        if (wanted.isEmpty()) {
            return live.get(live.size() - 1);
        }
        return live.stream().filter(v -> v.version() == wanted.get()).findFirst()
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

    /** Soft-deletes every live version, as Confluent does; ids stay resolvable for old data. */
    synchronized List<Integer> deleteSubject(String subject) {
        log.catchUp();
        List<SchemaVersion> live = liveOrNotFound(subject);
        for (SchemaVersion version : live) {
            log.append(version.asDeleted());
        }
        return live.stream().map(SchemaVersion::version).toList();
    }

    synchronized int deleteVersion(String subject, String versionSpec) {
        log.catchUp();
        SchemaVersion version = version(subject, versionSpec);
        log.append(version.asDeleted());
        return version.version();
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    synchronized void setLevel(String subjectOrNull, CompatibilityLevel level) {
        log.appendLevel(subjectOrNull, level);
    }

    synchronized CompatibilityLevel clearSubjectLevel(String subject) {
        CompatibilityLevel previous = state.subjectLevel(subject).orElseThrow(() -> RegistryError.subjectNotFound(subject));
        log.appendLevel(subject, null);
        return previous;
    }

    private List<SchemaVersion> liveOrNotFound(String subject) {
        List<SchemaVersion> live = state.liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live;
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema("Invalid schema " + schemaText + ", details: " + e.getMessage());
        }
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
