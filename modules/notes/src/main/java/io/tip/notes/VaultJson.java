package io.tip.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tip.model.json.AvroJson;
import org.apache.avro.generic.IndexedRecord;

import java.util.List;

/**
 * What {@code tip lint --json} prints: the records a vault would load and its problems, as
 * {@code {"theses":[...],"implications":[...],"entities":[...],"problems":[...]}}.
 */
public final class VaultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VaultJson() {
    }

    public static ObjectNode toTree(Vault vault) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("theses", records(vault.theses()));
        root.set("implications", records(vault.implications()));
        root.set("entities", records(vault.entities()));
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : vault.problems()) {
            problems.addObject()
                    .put("file", problem.file().toString().replace('\\', '/'))
                    .put("line", problem.line())
                    .put("severity", problem.severity().name())
                    .put("message", problem.message());
        }
        return root;
    }

    /** Indented JSON text. */
    public static String render(Vault vault) {
        try {
            return MAPPER.writeValueAsString(toTree(vault));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    private static ArrayNode records(List<? extends IndexedRecord> records) {
        ArrayNode array = MAPPER.createArrayNode();
        records.forEach(r -> array.add(AvroJson.toJson(r)));
        return array;
    }
}
