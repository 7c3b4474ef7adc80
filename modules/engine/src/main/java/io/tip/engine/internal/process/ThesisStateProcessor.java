package io.tip.engine.internal.process;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import io.tip.engine.StoreNames;
import io.tip.engine.internal.impact.ImpactId;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

/**
 * Folds each thesis's impacts into its state, publishes the state, and raises an alert when the status changes.
 *
 * <p>Alerts go out with the impact that caused them. The state goes out as a KTable's does: when the
 * store's cache is flushed, at each commit, once per thesis with its latest state, instead of once
 * per impact; consumers of the compacted thesis-state topic see fewer intermediate states, never a
 * different final one, and the state written is the one the store's changelog commits with it.
 * With the cache disabled ({@code statestore.cache.max.bytes=0}) each state goes out as it is put.
 */
public final class ThesisStateProcessor implements Processor<String, ThesisImpact, String, Object> {
    public static final String STATE_SINK = "state-sink";
    public static final String ALERTS_SINK = "alerts-sink";

    private final ThesisStateFold fold;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ThesisState> states;

    public ThesisStateProcessor(ThesisStateFold fold) {
        this.fold = fold;
    }

    private boolean forwardedOnFlush;

    @Override
    @SuppressWarnings("unchecked")
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.THESIS_STATE);
        // Kafka Streams has no public hook for a cache flush; the DSL's KTableSource uses these same
        // internal ones (WrappedStateStore#setFlushListener, and TimestampedCacheFlushListener restoring
        // the forwarding node, since a flush runs at commit, outside any processor), Kafka 4.4.
        InternalProcessorContext<String, Object> internal = (InternalProcessorContext<String, Object>) context;
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        this.forwardedOnFlush = states instanceof WrappedStateStore<?, ?, ?> wrapped
                && ((WrappedStateStore<?, String, ThesisState>) wrapped).setFlushListener(flushed -> {
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        publish(flushed);
                    } finally {
                        internal.setCurrentNode(previous);
                    }
                }, false);
    }

    private void publish(Record<String, Change<ThesisState>> flushed) {
        if (flushed.value().newValue != null) {
            context.forward(new Record<>(flushed.key(), flushed.value().newValue, flushed.timestamp(), new RecordHeaders()), STATE_SINK);
        }
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
        if (!forwardedOnFlush) {
            context.forward(new Record<>(impact.getThesisId(), next, record.timestamp(), new RecordHeaders()), STATE_SINK);
        }

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
