package io.tip.app.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.engine.StoreNames;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.model.ThesisState;
import io.tip.model.json.AvroJson;
import io.tip.model.topics.Topic;

/**
 * Answers for every thesis from any instance. Theses are in a global store every instance holds;
 * a thesis's state lives on the instance that owns its partition, so it is read locally when this
 * instance holds it (active, or a standby marked {@code stale}) and fetched from the owner otherwise.
 */
final class ThesisQueries {
    static final String INTERNAL_STATE = "/internal/state/";
    static final String INTERNAL_STATES = "/internal/states";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaStreams streams;
    /** The state store holds thesis-state's bytes (see {@link StoreNames#THESIS_STATE}); read with its deserializer. */
    private final Topic<String, ThesisState> stateTopic;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Optional<String> authorization;

    ThesisQueries(KafkaStreams streams, Topic<String, ThesisState> stateTopic, HostInfo self, Optional<String> authorization) {
        this.streams = streams;
        this.stateTopic = stateTopic;
        this.self = self;
        this.authorization = authorization;
    }

    Optional<Thesis> thesis(String id) {
        return Optional.ofNullable(theses().get(id));
    }

    List<Thesis> allTheses() {
        List<Thesis> all = new ArrayList<>();
        try (KeyValueIterator<String, Thesis> it = theses().all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        return all;
    }

    /** Implications from or to a thesis (every instance holds them all). */
    List<Implication> implications(String thesisId) {
        List<Implication> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Implication> store = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.IMPLICATIONS, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, Implication> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (thesisId.equals(kv.value.getFromThesis()) || thesisId.equals(kv.value.getTo())) {
                    found.add(kv.value);
                }
            });
        }
        return found;
    }

    private ReadOnlyKeyValueStore<String, Thesis> theses() {
        return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.THESES, QueryableStoreTypes.keyValueStore()));
    }

    /** The state of one thesis wherever it lives; empty when the thesis has had no impact. */
    Optional<ObjectNode> state(String id) {
        KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.THESIS_STATE, id, Serdes.String().serializer());
        if (where == null || where == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new Unavailable("the pipeline is rebalancing; try again in a moment");
        }
        if (self.equals(where.activeHost()) || where.standbyHosts().contains(self)) {
            return localState(id, where);
        }
        List<HostInfo> owners = new ArrayList<>();
        owners.add(where.activeHost());
        owners.addAll(where.standbyHosts());
        for (HostInfo owner : owners) {
            Optional<JsonNode> remote = fetch(owner, INTERNAL_STATE + id);
            if (remote.isPresent()) {
                return remote.get().isNull() ? Optional.empty() : Optional.of((ObjectNode) remote.get());
            }
        }
        throw new Unavailable("no instance holding thesis " + id + " answers; try again in a moment");
    }

    /** Read from this instance only; a standby copy may lag behind the active one and says so. */
    private Optional<ObjectNode> localState(String id, KeyQueryMetadata where) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.THESIS_STATE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                .withPartition(where.partition()).enableStaleStores());
        byte[] state = store.get(id);
        if (state == null) {
            return Optional.empty();
        }
        ObjectNode json = AvroJson.toJson(stateTopic.decode(state));
        json.put("stale", !self.equals(where.activeHost()));
        json.put("servedBy", self.host() + ":" + self.port());
        return Optional.of(json);
    }

    Optional<ObjectNode> localState(String id) {
        KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.THESIS_STATE, id, Serdes.String().serializer());
        return where == null || where == KeyQueryMetadata.NOT_AVAILABLE ? Optional.empty() : localState(id, where);
    }

    /** The states this instance is active for. */
    List<ObjectNode> localStates() {
        List<ObjectNode> states = new ArrayList<>();
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.THESIS_STATE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                states.add(AvroJson.toJson(stateTopic.decode(kv.value)));
            }
        }
        return states;
    }

    /** Every state, from every instance. */
    List<ObjectNode> allStates() {
        List<ObjectNode> states = new ArrayList<>(localStates());
        for (StreamsMetadata instance : streams.streamsMetadataForStore(StoreNames.THESIS_STATE)) {
            if (!instance.hostInfo().equals(self)) {
                fetch(instance.hostInfo(), INTERNAL_STATES).ifPresent(array -> array.forEach(s -> states.add((ObjectNode) s)));
            }
        }
        return states;
    }

    private Optional<JsonNode> fetch(HostInfo host, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(Duration.ofSeconds(5)).GET();
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.of(MAPPER.nullNode());
            }
            return response.statusCode() == 200 ? Optional.of(MAPPER.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The state cannot be reached right now (rebalance, instance down): HTTP 503. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
