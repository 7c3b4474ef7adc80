package io.tip.app.alert;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.app.format.ImpactText;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.json.AvroJson;

/** What is POSTed for one record: its deterministic id and the body in the chosen format. */
public record AlertMessage(String id, byte[] body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** json: the record as tip's JSON form; slack: a Slack incoming-webhook message (text + blocks). */
    public enum Format {
        JSON, SLACK
    }

    static AlertMessage of(Object record, Format format) {
        if (record instanceof ThesisAlert alert) {
            return new AlertMessage(alert.getId(), format == Format.JSON ? json(AvroJson.toJson(alert)) : slack(text(alert), alert.getCause()));
        }
        if (record instanceof ThesisImpact impact) {
            return new AlertMessage(impact.getId(), format == Format.JSON ? json(AvroJson.toJson(impact)) : slack(ImpactText.line(impact), impact));
        }
        throw new IllegalArgumentException("cannot alert on a " + record.getClass().getSimpleName());
    }

    static String text(ThesisAlert alert) {
        ThesisImpact cause = alert.getCause();
        return String.format(Locale.ROOT, "%s: %s → %s (score %+.2f), after %s", alert.getThesisTitle(), alert.getPreviousStatus(),
                alert.getStatus(), alert.getScore(), cause.getEventHeadline());
    }

    /** Slack's incoming webhooks take {@code text} (the notification) and {@code blocks} (what is shown). */
    private static byte[] slack(String text, ThesisImpact impact) {
        ObjectNode message = MAPPER.createObjectNode().put("text", text);
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text);
        StringBuilder context = new StringBuilder();
        if (impact.getEventUrl() != null) {
            context.append("<").append(impact.getEventUrl()).append("|source>");
        }
        if (!impact.getThesisLink().isEmpty()) {
            context.append(context.length() == 0 ? "" : " · ").append("<").append(impact.getThesisLink()).append("|open the note>");
        }
        if (!impact.getRuleLocation().isEmpty()) {
            context.append(context.length() == 0 ? "" : " · ").append("rule at ").append(impact.getRuleLocation());
        }
        if (context.length() > 0) {
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", context.toString());
        }
        return json(message);
    }

    private static byte[] json(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert always renders as JSON", e);
        }
    }
}
