package io.tip.engine.internal.process;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store and its in-memory index in step. Kafka Streams restores global stores
 * straight from their topic, without calling {@link #process}, so the index is rebuilt from the
 * restored store in {@link #init} — before any stream thread starts matching events.
 */
public final class TableLoader<V> implements Processor<String, Object, Void, Void> {
    private final String storeName;
    private final BiConsumer<String, V> put;
    private final Consumer<String> remove;
    private KeyValueStore<String, V> store;

    public TableLoader(String storeName, BiConsumer<String, V> put, Consumer<String> remove) {
        this.storeName = storeName;
        this.put = put;
        this.remove = remove;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                put.accept(entry.key, entry.value);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Record<String, Object> record) {
        if (record.key() == null) {
            return; // a table row without a key cannot be addressed, updated or deleted
        }
        if (record.value() instanceof TableRecordDeserializer.Unreadable) {
            return; // reported and counted by TableRecordDeserializer; the row keeps its last readable value
        }
        if (record.value() == null) {
            store.delete(record.key());
            remove.accept(record.key());
        } else {
            V value = (V) record.value();
            store.put(record.key(), value);
            put.accept(record.key(), value);
        }
    }
}
