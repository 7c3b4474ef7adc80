package io.tip.engine.internal.process;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
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
import io.tip.engine.internal.state.FoldedImpact;
import io.tip.engine.internal.state.ThesisStateFold;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;
import io.tip.model.topics.Topic;

/**
 * Folds each thesis's impacts into its state, publishes the state, and raises an alert when the status changes.
 *
 * <p>Alerts go out with the impact that caused them. The state goes out as a KTable's does: when the
 * store's cache is flushed, at each commit, once per thesis with its latest state, instead of once
 * per impact; consumers of the compacted thesis-state topic see fewer intermediate states, never a
 * different final one, and the state written is the one the store's changelog commits with it.
 * With the cache disabled ({@code statestore.cache.max.bytes=0}) each state goes out as it is put.
 *
 * <p>The store holds each state as the bytes thesis-state gets (Confluent wire format, thesis-state's
 * schema id), so a flushed state goes to its changelog and to thesis-state as they are: a typed store
 * deserialized every flushed state for the forward and the sink serialized it again, ~6 % of the
 * stream thread's samples at 10,000 theses (JFR, BENCHMARKS.md).
 */
public final class ThesisStateProcessor implements Processor<String, byte[], String, Object> {
    public static final String STATE_SINK = "state-sink";
    public static final String ALERTS_SINK = "alerts-sink";

    private final ThesisStateFold fold;
    private final Topic<String, ThesisImpact> impacts;
    private final Deserializer<GenericRecord> projection;
    private final Topic<String, ThesisState> state;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> states;
    private boolean forwardedOnFlush;

    /**
     * @param impacts    thesis-impacts, whose records arrive as bytes
     * @param projection reads those bytes into {@link ImpactProjection#SCHEMA} (see {@code Topics#projection})
     * @param state      thesis-state, whose bytes the store holds
     */
    public ThesisStateProcessor(ThesisStateFold fold, Topic<String, ThesisImpact> impacts, Deserializer<GenericRecord> projection,
                                Topic<String, ThesisState> state) {
        this.fold = fold;
        this.impacts = impacts;
        this.projection = projection;
        this.state = state;
    }

    /** The reader schema {@code projection} must read into. */
    public static Schema projectionSchema() {
        return ImpactProjection.SCHEMA;
    }

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
                && ((WrappedStateStore<?, String, byte[]>) wrapped).setFlushListener(flushed -> {
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        publish(flushed);
                    } finally {
                        internal.setCurrentNode(previous);
                    }
                }, false);
    }

    private void publish(Record<String, Change<byte[]>> flushed) {
        if (flushed.value().newValue != null) {
            context.forward(new Record<>(flushed.key(), flushed.value().newValue, flushed.timestamp(), new RecordHeaders()), STATE_SINK);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return; // impacts are never deleted; a tombstone here was not written by tip
        }
        FoldedImpact impact = ImpactProjection.read(projection.deserialize(impacts.name(), record.value()));
        byte[] stored = states.get(impact.thesisId());
        ThesisState previous = stored == null ? null : state.decode(stored);
        ThesisState next = fold.apply(previous, impact);
        byte[] bytes = state.encode(next);
        states.put(impact.thesisId(), bytes);
        if (!forwardedOnFlush) {
            context.forward(new Record<>(impact.thesisId(), bytes, record.timestamp(), new RecordHeaders()), STATE_SINK);
        }

        ThesisStatus before = previous == null ? ThesisStatus.STEADY : previous.getStatus();
        if (before != next.getStatus()) {
            // The alert carries the whole impact: decoded here, for the few impacts that change a status.
            ThesisImpact cause = impacts.decode(record.value());
            ThesisAlert alert = ThesisAlert.newBuilder()
                    .setId(ImpactId.alert(impact.thesisId(), impact.id()))
                    .setThesisId(impact.thesisId())
                    .setThesisTitle(next.getThesisTitle())
                    .setPreviousStatus(before)
                    .setStatus(next.getStatus())
                    .setScore(next.getScore())
                    .setCause(cause)
                    .build();
            context.forward(new Record<>(impact.thesisId(), alert, record.timestamp(), new RecordHeaders()), ALERTS_SINK);
        }
    }
}
