package io.tip.app.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.model.ThesisImpact;
import io.tip.model.json.AvroJson;

/**
 * The JSON form of an impact, one object per line (PRODUCT.md, "JSON forms"): every field of the
 * ThesisImpact schema under its schema name, so the JSON and the Avro contract never drift apart.
 */
public final class ImpactJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImpactJson() {
    }

    public static String line(ThesisImpact impact) {
        try {
            return MAPPER.writeValueAsString(AvroJson.toJson(impact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an impact always renders as JSON", e);
        }
    }
}
