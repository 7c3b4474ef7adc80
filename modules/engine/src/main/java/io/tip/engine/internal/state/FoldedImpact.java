package io.tip.engine.internal.state;

import java.time.Instant;

import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * What the state fold reads of an impact. The topology decodes only these fields of a thesis-impacts
 * record, not the whole impact with its signals, path and explanations.
 *
 * @param id          the impact's id (an alert is derived from it)
 * @param thesisTitle the thesis's title when the impact was found
 */
public record FoldedImpact(String id, String thesisId, String thesisTitle, String eventId, Instant eventTime,
                           Stance stance, double magnitude, int order) {

    public static FoldedImpact of(ThesisImpact impact) {
        return new FoldedImpact(impact.getId(), impact.getThesisId(), impact.getThesisTitle(), impact.getEventId(),
                impact.getEventTime(), impact.getStance(), impact.getMagnitude(), impact.getOrder());
    }
}
