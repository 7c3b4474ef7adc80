package io.tip.engine.internal.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.tip.engine.PipelineListener;
import io.tip.engine.StoreNames;
import io.tip.engine.internal.impact.ImpactFinder;
import io.tip.engine.internal.validate.EventValidator;
import io.tip.engine.internal.dedupe.EventDedupe;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;

/**
 * Validate, match, dedupe and route one market event — the steps fused into one processor so an
 * event is deserialized once and nothing is written between them.
 * <ul>
 * <li>A record that does not deserialize or validate throws; the processing exception handler
 *     sends its original bytes to the dead-letter topic with the reason.</li>
 * <li>An event that moves no thesis is forwarded as the bytes received to the unmatched topic:
 *     it is unchanged, so re-serializing it would only cost time.</li>
 * <li>Each impact is also sent once to every subscription that wants it (impacts.NAME).</li>
 * <li>Only events that move a thesis are deduplicated ({@link EventDedupe}, the same decision
 *     offline evaluation makes): a re-sent id within the retention emits nothing.</li>
 * </ul>
 */
public final class MarketEventProcessor implements Processor<byte[], byte[], Object, Object> {
    public static final String UNMATCHED_SINK = "unmatched-sink";
    public static final String IMPACTS_SINK = "impacts-sink";
    public static final String SUBSCRIPTIONS_SINK = "subscriptions-sink";
    /** Header naming the subscription a copy of an impact is for; the sink picks the topic from it. */
    public static final String SUBSCRIPTION_HEADER = "tip.subscription";

    private final String topic;
    private final Deserializer<MarketEvent> deserializer;
    private final EventValidator validator;
    private final ImpactFinder finder;
    private final Function<ThesisImpact, List<String>> subscribers;
    private final long retentionMs;
    private final PipelineListener listener;
    private ProcessorContext<Object, Object> context;
    private EventDedupe dedupe;

    public MarketEventProcessor(String topic, Deserializer<MarketEvent> deserializer, EventValidator validator,
                                ImpactFinder finder, Function<ThesisImpact, List<String>> subscribers, Duration dedupeRetention,
                                PipelineListener listener) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.validator = validator;
        this.finder = finder;
        this.subscribers = subscribers;
        this.retentionMs = dedupeRetention.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        WindowStore<String, Long> seen = context.getStateStore(StoreNames.SEEN_EVENTS);
        this.dedupe = new EventDedupe(retentionMs, new EventDedupe.SeenEvents() {
            @Override
            public boolean seenBetween(String eventId, long fromMs, long toMs) {
                try (WindowStoreIterator<Long> it = seen.fetch(eventId, fromMs, toMs)) {
                    return it.hasNext();
                }
            }

            @Override
            public void mark(String eventId, long timeMs) {
                seen.put(eventId, timeMs, timeMs);
            }
        });
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        MarketEvent event = record.value() == null ? null : deserializer.deserialize(topic, record.headers(), record.value());
        validator.validate(key, event, context.currentSystemTimeMs());
        validator.validateSize(size(record)); // after the field checks, whose reasons are more precise

        List<ThesisImpact> impacts = finder.find(event);
        long time = record.timestamp();
        switch (dedupe.route(event.getId(), !impacts.isEmpty(), time)) {
            case UNMATCHED -> {
                context.forward(record, UNMATCHED_SINK);
                listener.unmatched();
            }
            case DUPLICATE -> listener.duplicate(); // a re-sent event: its impacts went out the first time
            case MATCHED -> {
                for (ThesisImpact impact : impacts) {
                    context.forward(new Record<>(impact.getThesisId(), impact, time, new RecordHeaders()), IMPACTS_SINK);
                    for (String subscription : subscribers.apply(impact)) {
                        Headers headers = new RecordHeaders().add(SUBSCRIPTION_HEADER, subscription.getBytes(StandardCharsets.UTF_8));
                        context.forward(new Record<>(impact.getThesisId(), impact, time, headers), SUBSCRIPTIONS_SINK);
                    }
                }
                dedupe.sent(event.getId(), time);
                listener.matched(impacts.size(), context.currentSystemTimeMs() - time);
            }
        }
        done();
    }

    private void done() {
        context.recordMetadata().ifPresent(m -> listener.recordDone(m.topic(), m.partition(), m.offset()));
    }

    private static long size(Record<byte[], byte[]> record) {
        long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /** The subscription a record on the subscriptions sink is for (see {@link #SUBSCRIPTION_HEADER}). */
    public static String subscriptionOf(Headers headers) {
        Header header = headers.lastHeader(SUBSCRIPTION_HEADER);
        if (header == null) {
            throw new IllegalStateException("a record for a subscription topic without its " + SUBSCRIPTION_HEADER + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
