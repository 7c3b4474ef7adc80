package io.tip.app.http;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.sse.SseClient;
import io.tip.app.format.ImpactFilter;
import io.tip.app.format.ImpactJson;
import io.tip.app.format.ThesisNames;
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
    private final Supplier<Collection<Thesis>> allTheses;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param theses    a thesis by id, for the tag filter
     * @param allTheses every thesis, to find the one a {@code thesis=} filter names by title or alias
     */
    ImpactStream(Map<String, Object> kafkaSettings, Topic<String, ThesisImpact> topic, Function<String, Thesis> theses,
                 Supplier<Collection<Thesis>> allTheses) {
        this.kafkaSettings = kafkaSettings;
        this.topic = topic;
        this.theses = theses;
        this.allTheses = allTheses;
    }

    void subscribe(SseClient client) {
        String minMagnitude = client.ctx().queryParam("minMagnitude");
        String thesis = client.ctx().queryParam("thesis");
        String thesisId = thesis == null ? null : ThesisNames.idOf(thesis, allTheses.get());
        Subscriber subscriber = new Subscriber(client, new ImpactFilter(thesisId,
                client.ctx().queryParam("tag"), minMagnitude == null ? 0 : Double.parseDouble(minMagnitude), theses));
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
