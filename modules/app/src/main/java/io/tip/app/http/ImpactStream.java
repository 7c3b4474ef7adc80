package io.tip.app.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.tip.app.format.ImpactFilter;
import io.tip.app.format.ImpactJson;
import io.tip.app.kafka.TopicFeed;
import io.tip.model.Thesis;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topic;

/**
 * Server-Sent Events of impacts as they are committed. One feed per instance reads thesis-impacts
 * and fans each impact out to the subscribers whose filter (thesis, tag, min magnitude) it passes.
 */
final class ImpactStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImpactStream.class);

    private record Subscriber(SseClient client, ImpactFilter filter) {
    }

    private final Map<String, Object> kafkaSettings;
    private final Topic<String, ThesisImpact> topic;
    private final Function<String, Thesis> theses;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    ImpactStream(Map<String, Object> kafkaSettings, Topic<String, ThesisImpact> topic, Function<String, Thesis> theses) {
        this.kafkaSettings = kafkaSettings;
        this.topic = topic;
        this.theses = theses;
    }

    /**
     * Rejects a subscription whose filter cannot be read with 400 and what to send instead. Runs
     * before the stream opens: once it is open, its status (200) is already sent.
     */
    static void checkFilter(Context ctx) {
        minMagnitude(ctx);
        for (String name : List.of("thesis", "tag")) {
            String value = ctx.queryParam(name);
            if (value != null && value.isBlank()) {
                throw new BadFilter(name + " is empty: leave it out, or give a " + name);
            }
        }
    }

    private static double minMagnitude(Context ctx) {
        String value = ctx.queryParam("minMagnitude");
        if (value == null) {
            return 0;
        }
        double minMagnitude;
        try {
            minMagnitude = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            minMagnitude = Double.NaN;
        }
        if (!(minMagnitude >= 0 && minMagnitude <= 1)) {
            throw new BadFilter("minMagnitude '" + value + "' is not a number from 0 to 1 (e.g. minMagnitude=0.5)");
        }
        return minMagnitude;
    }

    void subscribe(SseClient client) {
        Subscriber subscriber = new Subscriber(client, new ImpactFilter(client.ctx().queryParam("thesis"),
                client.ctx().queryParam("tag"), minMagnitude(client.ctx()), theses));
        client.keepAlive();
        client.onClose(() -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        client.sendComment("subscribed");
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "tip-impact-stream");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (TopicFeed<ThesisImpact> feed = new TopicFeed<>(kafkaSettings, topic, false)) {
            while (running) {
                feed.values(Duration.ofMillis(500), this::broadcast);
            }
        } catch (RuntimeException e) {
            log.error("the impact stream stopped; SSE subscribers get no more impacts", e);
        }
    }

    private void broadcast(ThesisImpact impact) {
        String json = null;
        for (Subscriber s : subscribers) {
            if (s.filter().test(impact)) {
                json = json == null ? ImpactJson.line(impact) : json;
                s.client().sendEvent("impact", json, impact.getId());
            }
        }
    }

    /** A filter that cannot be read: answered with 400 and the message. */
    static final class BadFilter extends RuntimeException {
        BadFilter(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.forEach(s -> s.client().close());
    }
}
