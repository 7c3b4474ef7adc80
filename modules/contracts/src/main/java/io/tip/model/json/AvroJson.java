package io.tip.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Avro records as plain JSON, walking each record's schema field by field: unions become their
 * value (not Avro's {"type": value} wrapping), enums their symbol, timestamps ISO-8601 instants.
 * It is the JSON form of every record tip prints or serves.
 */
public final class AvroJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static ObjectNode toJson(IndexedRecord record) {
        ObjectNode object = JSON.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            object.set(field.name(), value(record.get(field.pos()), field.schema()));
        }
        return object;
    }

    private static JsonNode value(Object value, Schema schema) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Instant instant) { // timestamp-millis fields of generated classes
            return JSON.textNode(instant.toString());
        }
        switch (schema.getType()) {
            case UNION: return value(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case RECORD: return toJson((IndexedRecord) value);
            case ARRAY: {
                ArrayNode array = JSON.arrayNode();
                ((Collection<?>) value).forEach(item -> array.add(value(item, schema.getElementType())));
                return array;
            }
            case MAP: {
                ObjectNode map = JSON.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(k.toString(), value(v, schema.getValueType())));
                return map;
            }
            case INT: return JSON.numberNode((Integer) value);
            case LONG: return JSON.numberNode((Long) value);
            case FLOAT: return JSON.numberNode((Float) value);
            case DOUBLE: return JSON.numberNode((Double) value);
            case BOOLEAN: return JSON.booleanNode((Boolean) value);
            default: return JSON.textNode(value.toString());
        }
    }
}
