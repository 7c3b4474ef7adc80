package io.tip.engine.internal.process;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.tip.engine.StoreNames;
import io.tip.engine.internal.impact.ImpactId;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

/** Folds each thesis's impacts into its state, publishes the state, and raises an alert when the status changes. */
public final class ThesisStateProcessor implements Processor<String, ThesisImpact, String, Object> {
    public static final String STATE_SINK = "state-sink";
    public static final String ALERTS_SINK = "alerts-sink";

    private final ThesisStateFold fold;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ThesisState> states;

    public ThesisStateProcessor(ThesisStateFold fold) {
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.THESIS_STATE);
    }

    @Override
    public void process(Record<String, ThesisImpact> record) {
        ThesisImpact impact = record.value();
        if (impact == null) {
            return; // impacts are never deleted; a tombstone here was not written by tip
        }
        ThesisState previous = states.get(impact.getThesisId());
        ThesisState next = fold.apply(previous, impact);
        states.put(impact.getThesisId(), next);
        context.forward(new Record<>(impact.getThesisId(), next, record.timestamp(), new RecordHeaders()), STATE_SINK);

        ThesisStatus before = previous == null ? ThesisStatus.STEADY : previous.getStatus();
        if (before != next.getStatus()) {
            ThesisAlert alert = ThesisAlert.newBuilder()
                    .setId(ImpactId.alert(impact.getThesisId(), impact.getId()))
                    .setThesisId(impact.getThesisId())
                    .setThesisTitle(next.getThesisTitle())
                    .setPreviousStatus(before)
                    .setStatus(next.getStatus())
                    .setScore(next.getScore())
                    .setCause(impact)
                    .build();
            context.forward(new Record<>(impact.getThesisId(), alert, record.timestamp(), new RecordHeaders()), ALERTS_SINK);
        }
    }
}
