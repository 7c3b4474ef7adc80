package io.tip.app.http;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
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
 * and offers each impact to the subscribers whose filter (thesis, tag, min magnitude) it passes.
 * <p>
 * Every subscriber has its own bounded buffer and its own writer thread, so the feed never waits for
 * a client: one that does not read fills its socket, then its buffer, and is dropped — the others are
 * not slowed. (With one thread writing to every client in turn, a client that never read froze a
 * normal one for ~25 s with 15,000 impacts in flight.) Past the subscriber cap, new ones get 503.
 */
final class ImpactStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImpactStream.class);
    private static final AtomicInteger WRITERS = new AtomicInteger();

    private final class Subscriber {
        private final SseClient client;
        private final ImpactFilter filter;
        private final BlockingQueue<Event> buffer;
        private volatile boolean open = true;
        private Thread writer;

        Subscriber(SseClient client, ImpactFilter filter) {
            this.client = client;
            this.filter = filter;
            this.buffer = new ArrayBlockingQueue<>(bufferSize);
        }

        /** Queues the impact; false when the client has fallen a whole buffer behind. */
        boolean offer(Event event) {
            return buffer.offer(event);
        }

        void write() {
            try {
                while (open && !client.terminated()) {
                    Event event = buffer.poll(1, TimeUnit.SECONDS);
                    if (event != null) {
                        client.sendEvent("impact", event.json(), event.id());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("SSE client gone", e);
            } finally {
                subscribers.remove(this);
                client.close();
            }
        }

        void drop() {
            open = false;
            subscribers.remove(this);
            if (writer != null) {
                writer.interrupt();
            }
        }
    }

    private record Event(String id, String json) {
    }

    private final Map<String, Object> kafkaSettings;
    private final Topic<String, ThesisImpact> topic;
    private final Function<String, Thesis> theses;
    private final Supplier<Collection<Thesis>> allTheses;
    private final int bufferSize;
    private final int maxSubscribers;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param theses    a thesis by id, for the tag filter
     * @param allTheses every thesis, to find the one a {@code thesis=} filter names by title or alias
     */
    ImpactStream(Map<String, Object> kafkaSettings, Topic<String, ThesisImpact> topic, Function<String, Thesis> theses,
                 Supplier<Collection<Thesis>> allTheses, int bufferSize, int maxSubscribers) {
        this.kafkaSettings = kafkaSettings;
        this.topic = topic;
        this.theses = theses;
        this.allTheses = allTheses;
        this.bufferSize = bufferSize;
        this.maxSubscribers = maxSubscribers;
    }

    /** Before the stream opens: 400 for a bad filter, 503 past the subscriber cap. */
    void admit(Context ctx) {
        filter(ctx);
        if (subscribers.size() >= maxSubscribers) {
            throw new ServiceUnavailableResponse("already " + maxSubscribers + " subscribers to the impact stream "
                    + "(http.sse.max.subscribers); try again later");
        }
    }

    void subscribe(SseClient client) {
        Subscriber subscriber = new Subscriber(client, filter(client.ctx()));
        client.keepAlive();
        client.onClose(subscriber::drop);
        client.sendComment("subscribed");
        subscriber.writer = new Thread(subscriber::write, "tip-sse-" + WRITERS.incrementAndGet());
        subscriber.writer.setDaemon(true);
        subscribers.add(subscriber);
        subscriber.writer.start();
    }

    int subscribers() {
        return subscribers.size();
    }

    private ImpactFilter filter(Context ctx) {
        String minMagnitude = ctx.queryParam("minMagnitude");
        double min = 0;
        if (minMagnitude != null) {
            try {
                min = Double.parseDouble(minMagnitude);
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (!(min >= 0 && min <= 1)) {
                throw new BadRequestResponse("minMagnitude must be a number from 0 to 1, not '"
                        + (minMagnitude.length() > 40 ? minMagnitude.substring(0, 40) + "..." : minMagnitude) + "'");
            }
        }
        for (String name : List.of("thesis", "tag")) {
            String value = ctx.queryParam(name);
            if (value != null && value.isBlank()) {
                throw new BadRequestResponse(name + " is empty: leave it out, or give a " + name);
            }
        }
        String thesis = ctx.queryParam("thesis");
        String thesisId = thesis == null ? null : ThesisNames.idOf(thesis, allTheses.get());
        return new ImpactFilter(thesisId, ctx.queryParam("tag"), min, theses);
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

    /** Offers the impact to every subscriber that wants it; never blocks. */
    void broadcast(ThesisImpact impact) {
        Event event = null;
        for (Subscriber s : subscribers) {
            if (s.filter.test(impact)) {
                event = event == null ? new Event(impact.getId(), ImpactJson.line(impact)) : event;
                if (!s.offer(event)) {
                    log.warn("dropped an SSE subscriber that fell {} impacts behind (not reading?)", bufferSize);
                    s.drop();
                }
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
        subscribers.forEach(Subscriber::drop);
    }
}
