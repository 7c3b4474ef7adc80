package io.tip.app.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.model.FiredSignal;
import io.tip.model.ThesisImpact;

/** The JSON form of an impact, one object per line (PRODUCT.md, "JSON forms"). */
public final class ImpactJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImpactJson() {
    }

    public static ObjectNode tree(ThesisImpact impact) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", impact.getId())
                .put("thesisId", impact.getThesisId())
                .put("thesisTitle", impact.getThesisTitle())
                .put("thesisVersion", impact.getThesisVersion())
                .put("eventId", impact.getEventId())
                .put("eventHeadline", impact.getEventHeadline())
                .put("eventType", impact.getEventType().name())
                .put("stance", impact.getStance().name())
                .put("order", impact.getOrder())
                .put("magnitude", impact.getMagnitude());
        ArrayNode path = node.putArray("path");
        impact.getPath().forEach(path::add);
        ArrayNode signals = node.putArray("signals");
        for (FiredSignal s : impact.getSignals()) {
            signals.addObject().put("thesisId", s.getThesisId()).put("stance", s.getStance().name())
                    .put("rule", s.getRule()).put("why", s.getWhy()).put("weight", s.getWeight());
        }
        node.put("why", impact.getWhy());
        node.put("eventTime", impact.getEventTime().toString());
        return node;
    }

    public static String line(ThesisImpact impact) {
        try {
            return MAPPER.writeValueAsString(tree(impact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an impact always renders as JSON", e);
        }
    }
}
