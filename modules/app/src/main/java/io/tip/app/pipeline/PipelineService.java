package io.tip.app.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tip.app.cli.UserError;
import io.tip.app.config.SettingNames;
import io.tip.app.config.TipSettings;
import io.tip.engine.PipelineListener;
import io.tip.engine.ThesisImpactEngine;
import io.tip.model.topics.Topics;

/** The pipeline running: one Kafka Streams instance of the tip topology, with its lifecycle. */
public final class PipelineService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final String applicationId;
    private final String applicationServer;
    private final CountDownLatch running = new CountDownLatch(1);
    private final StreamThreadHealth health;

    private PipelineService(KafkaStreams streams, String applicationId, String applicationServer, StreamThreadHealth health) {
        this.streams = streams;
        this.applicationId = applicationId;
        this.applicationServer = applicationServer;
        this.health = health;
    }

    public static Topology topology(TipSettings settings, Topics topics) {
        return ThesisImpactEngine.create(settings.engine(), topics).topology();
    }

    public static PipelineService start(TipSettings settings, Topics topics) {
        return start(settings, topics, PipelineListener.NONE);
    }

    public static PipelineService start(TipSettings settings, Topics topics, PipelineListener listener) {
        StreamThreadHealth health = new StreamThreadHealth(listener);
        ThesisImpactEngine engine = ThesisImpactEngine.create(settings.engine(), topics, health);
        Properties props = streamsProperties(settings, engine);
        KafkaStreams streams = new KafkaStreams(engine.topology(), props);
        PipelineService service = new PipelineService(streams, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, ""), health);
        streams.setStateListener((now, before) -> {
            log.info("pipeline {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                service.running.countDown();
            }
        });
        // A failed stream thread is replaced rather than taking the whole instance down; under
        // exactly-once its open transaction is aborted, so nothing is lost or duplicated. The replacement
        // waits a backoff that grows while threads keep failing (a registry outage is retried, not hammered),
        // and readiness turns false when they keep failing on the same record.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            health.threadFailed(e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return service;
    }

    /**
     * The defaults tip relies on, then every setting Kafka Streams or its clients know (security
     * included) from the user's settings; tip's own settings stay out of Kafka's way.
     */
    static Properties streamsProperties(TipSettings settings, ThesisImpactEngine engine) {
        Map<String, Object> kafka = new HashMap<>();
        settings.kafka().forEach((key, value) -> {
            if (SettingNames.isKafka(key)) {
                kafka.put(key, value);
            }
        });
        Properties props = engine.streamsProperties(kafka);
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(String.valueOf(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)))) {
            log.warn("processing.guarantee={}: after a crash, impacts may be published twice or lost, and thesis-state may "
                    + "count them twice; alerting consumers need exactly_once_v2 (the default)",
                    props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        }
        return props;
    }

    /** The application.id the pipeline runs as (its group, the prefix of its internal topics and transactional ids). */
    public static String applicationId(TipSettings settings, Topics topics) {
        return streamsProperties(settings, ThesisImpactEngine.create(settings.engine(), topics)).getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Waits until the global tables are loaded and the stream threads run. */
    public void awaitRunning(Duration timeout) {
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UserError("the pipeline did not start within " + timeout.toSeconds() + " s (state " + streams.state()
                        + "); check that Kafka is reachable and the logs above");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while starting the pipeline");
        }
    }

    /** Stream threads that failed and were replaced since start: each one is a record that could not be processed. */
    public long threadReplacements() {
        return health.threadReplacements();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Why the stream threads are not making progress, if they are not (readiness is then false). */
    public Optional<String> problem() {
        return health.problem();
    }

    public String applicationId() {
        return applicationId;
    }

    /** host:port other instances reach this one at for interactive queries; empty when not set. */
    public String applicationServer() {
        return applicationServer;
    }

    /** Commits, closes open transactions and flushes state; a restart resumes from here. */
    @Override
    public void close() {
        health.close();
        streams.close(CLOSE_TIMEOUT);
    }
}
