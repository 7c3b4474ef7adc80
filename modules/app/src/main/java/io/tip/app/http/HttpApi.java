package io.tip.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tip.app.config.AppConfig;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.EventPublisher;
import io.tip.app.pipeline.PipelineMetrics;
import io.tip.app.pipeline.PipelineService;
import io.tip.engine.PipelineListener;
import io.tip.model.Implication;
import io.tip.model.Thesis;
import io.tip.model.topics.Topics;
import io.tip.model.json.AvroJson;

/**
 * The HTTP API every instance serves: theses and their state (from any instance, for every
 * thesis), their history and the inbox, a live feed of impacts as Server-Sent Events, health and
 * Prometheus metrics; and the dashboard at {@code /}, which reads only this API.
 */
public final class HttpApi implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Points of the score sparkline on the theses list. */
    private static final int SPARKLINE_POINTS = 30;
    /** Classpath folder of the dashboard's files (modules/app/src/main/resources/web). */
    private static final String DASHBOARD = "/web";
    private static final String NOT_FOUND_PAGE = resource(DASHBOARD + "/404.html");

    private final Javalin app;
    private final String host;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics metrics = new PipelineMetrics(registry);
    private final ImpactStream impactStream;
    private final EventPublisher ingestPublisher;
    private final EventIngest ingest;
    private final ThesisHistory history = new ThesisHistory();
    private final Inbox inbox = new Inbox();
    private final Map<String, Object> kafkaSettings;
    private final Topics topics;
    private HistoryFeed historyFeed;
    private final ApiAccess access;
    private volatile PipelineService pipeline;
    private volatile ThesisQueries queries;
    private KafkaStreamsMetrics streamsMetrics;

    private HttpApi(TipSettings settings, Topics topics) {
        AppConfig config = settings.app();
        this.host = config.advertisedHost();
        this.kafkaSettings = settings.kafka();
        this.topics = topics;
        this.access = new ApiAccess(config);
        this.impactStream = new ImpactStream(settings.kafka(), topics.impacts(), id -> queries == null ? null : queries.thesis(id).orElse(null),
                () -> queries == null ? List.of() : queries.allTheses(), config.sseBufferImpacts(), config.sseMaxSubscribers());
        this.ingestPublisher = new EventPublisher(ingestProducerSettings(settings), topics.marketEvents());
        this.ingest = new EventIngest(ingestPublisher, config.ingestMaxBytes(), config.ingestTimeoutMs());
        List<String> origins = config.corsAllowedOrigins().stream().filter(o -> !o.isBlank()).toList();
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            // The dashboard: static files inside the jar, nothing fetched from elsewhere at run time.
            javalin.staticFiles.add(DASHBOARD, Location.CLASSPATH);
            // No CORS headers unless origins are configured: a web page elsewhere cannot read the API.
            if (!origins.isEmpty()) {
                javalin.bundledPlugins.enableCors(cors -> cors.addRule(rule -> origins.forEach(rule::allowHost)));
            }
        });
        routes();
        app.start(config.httpPort());
    }

    /** The producer gives up within the ingest timeout, so a request answers 503 rather than hang. */
    private static Map<String, Object> ingestProducerSettings(TipSettings settings) {
        long timeout = settings.app().ingestTimeoutMs();
        Map<String, Object> kafka = new HashMap<>(settings.kafka());
        kafka.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        kafka.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        kafka.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, timeout - 100));
        kafka.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return kafka;
    }

    /** Binds the port first, so the pipeline can advertise it to the other instances. */
    public static HttpApi start(TipSettings settings, Topics topics) {
        return new HttpApi(settings, topics);
    }

    public int port() {
        return app.port();
    }

    /** The settings with {@code application.server} set to this API, for interactive queries across instances. */
    public TipSettings streamsSettings(TipSettings settings) {
        return settings.all().containsKey(StreamsConfig.APPLICATION_SERVER_CONFIG) ? settings
                : settings.with(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + port());
    }

    public PipelineListener metrics() {
        return metrics;
    }

    public void attach(PipelineService service) {
        this.pipeline = service;
        String server = service.applicationServer();
        String[] hostPort = server.split(":");
        this.queries = new ThesisQueries(service.streams(), topics.state(), new HostInfo(hostPort[0], Integer.parseInt(hostPort[1])),
                access.outgoingAuthorization());
        streamsMetrics = new KafkaStreamsMetrics(service.streams());
        streamsMetrics.bindTo(registry);
        impactStream.start();
        historyFeed = new HistoryFeed(kafkaSettings, topics, history, inbox);
        historyFeed.start();
    }

    private void routes() {
        app.before(access::check);
        app.before("/api/impacts/stream", impactStream::admit);
        app.get("/health", this::health);
        app.get("/health/live", ctx -> ctx.json(Map.of("live", true)));
        app.get("/health/ready", ctx -> {
            boolean ready = ready();
            ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("ready", ready));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.get("/api/theses", this::listTheses);
        app.get("/api/theses/{id}", this::thesis);
        app.get("/api/theses/{id}/impacts", this::impacts);
        app.get("/api/theses/{id}/history", this::history);
        app.get("/api/inbox", ctx -> ctx.json(inbox.json()));
        app.get("/api/inbox/events/{id}", ctx -> ctx.contentType("application/json").result(inbox.eventLine(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFound("no recent unmatched event '" + ctx.pathParam("id") + "' (GET /api/inbox lists them)"))));
        app.sse("/api/impacts/stream", impactStream::subscribe);
        app.post("/api/events", ingest::handle);
        // A person who mistypes a page gets a page back, not JSON; the API keeps its JSON errors.
        app.error(404, "html", ctx -> {
            if (!ctx.path().startsWith("/api/")) {
                ctx.html(NOT_FOUND_PAGE);
            }
        });
        app.get(ThesisQueries.INTERNAL_STATE + "{id}", ctx -> {
            Optional<ObjectNode> state = requireQueries().localState(ctx.pathParam("id"));
            if (state.isPresent()) {
                ctx.json(state.get());
            } else {
                ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no state"));
            }
        });
        app.get(ThesisQueries.INTERNAL_STATES, ctx -> ctx.json(requireQueries().localStates()));
        app.exception(ThesisQueries.Unavailable.class, (e, ctx) ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage())));
        // Every API error body is {"error": "..."}, the SSE admission's 400 and 503 included.
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
        // Right after a rebalance the metadata can name this instance before its store for that
        // partition is open (InvalidStateStorePartitionException): a moment's unavailability, not a fault.
        app.exception(InvalidStateStoreException.class, (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("error", "the pipeline is rebalancing; try again in a moment")));
    }

    /**
     * Ready once the global tables are loaded and the stream threads run (Kafka Streams' RUNNING), and
     * while no stream thread keeps failing on the same record.
     */
    private boolean ready() {
        return pipeline != null && pipeline.streams().state() == KafkaStreams.State.RUNNING && pipeline.problem().isEmpty();
    }

    private void health(Context ctx) {
        boolean ready = ready();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("live", true);
        health.put("ready", ready);
        health.put("state", pipeline == null ? "STARTING" : pipeline.streams().state().name());
        if (pipeline != null) {
            pipeline.problem().ifPresent(problem -> health.put("problem", problem));
        }
        Map<String, Map<String, Object>> skipped = metrics.skippedTableRecords();
        if (!skipped.isEmpty()) {
            health.put("skippedTableRecords", skipped);
        }
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(health);
    }

    private ThesisQueries requireQueries() {
        if (queries == null || !ready()) {
            throw new ThesisQueries.Unavailable("the pipeline is starting; try again in a moment");
        }
        return queries;
    }

    private void listTheses(Context ctx) {
        ThesisQueries q = requireQueries();
        Map<String, ObjectNode> states = new TreeMap<>();
        q.allStates().forEach(s -> states.put(s.get("thesisId").asText(), s));
        ArrayNode out = JSON.arrayNode();
        List<Thesis> theses = new ArrayList<>(q.allTheses());
        theses.sort(Comparator.comparing(Thesis::getId));
        for (Thesis thesis : theses) {
            ObjectNode state = states.get(thesis.getId());
            ObjectNode row = out.addObject().put("id", thesis.getId()).put("title", thesis.getTitle())
                    .put("status", state == null ? "STEADY" : state.get("status").asText())
                    .put("score", state == null ? 0.0 : state.get("score").asDouble())
                    .put("impacts", state == null ? 0 : state.get("supports").asInt() + state.get("challenges").asInt() + state.get("reviews").asInt());
            thesis.getTags().forEach(row.putArray("tags")::add);
            history.latest(thesis.getId()).ifPresent(impact -> row.putObject("lastImpact")
                    .put("eventId", impact.getEventId()).put("headline", impact.getEventHeadline())
                    .put("stance", impact.getStance().name()).put("order", impact.getOrder())
                    .put("eventTime", impact.getEventTime().toString()));
            history.scores(thesis.getId(), SPARKLINE_POINTS).forEach(row.putArray("recentScores")::add);
        }
        ctx.json(out);
    }

    private void thesis(Context ctx) {
        ThesisQueries q = requireQueries();
        String id = ctx.pathParam("id");
        Thesis thesis = q.thesis(id).orElseThrow(() -> new NotFound("no thesis '" + id + "' (GET /api/theses lists them)"));
        ObjectNode out = JSON.objectNode();
        out.set("thesis", AvroJson.toJson(thesis));
        out.set("state", q.state(id).orElse(null));
        ObjectNode implications = out.putObject("implications");
        ArrayNode from = implications.putArray("out");
        ArrayNode to = implications.putArray("in");
        for (Implication implication : q.implications(id)) {
            ObjectNode json = AvroJson.toJson(implication);
            json.put("toThesis", q.thesis(implication.getTo()).isPresent());
            q.thesis(implication.getFromThesis()).ifPresent(t -> json.put("fromTitle", t.getTitle()));
            (id.equals(implication.getFromThesis()) ? from : to).add(json);
        }
        ctx.json(out);
    }

    private void history(Context ctx) {
        ThesisQueries q = requireQueries();
        String id = ctx.pathParam("id");
        if (q.thesis(id).isEmpty()) {
            throw new NotFound("no thesis '" + id + "' (GET /api/theses lists them)");
        }
        ctx.json(history.json(id));
    }

    private void impacts(Context ctx) {
        ThesisQueries q = requireQueries();
        String id = ctx.pathParam("id");
        if (q.thesis(id).isEmpty()) {
            throw new NotFound("no thesis '" + id + "' (GET /api/theses lists them)");
        }
        ctx.json(q.state(id).map(s -> s.get("lastImpacts")).orElse(JSON.arrayNode()));
    }

    @Override
    public void close() {
        impactStream.close();
        ingestPublisher.close();
        if (historyFeed != null) {
            historyFeed.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        app.stop();
    }

    private static String resource(String path) {
        try (InputStream in = HttpApi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
