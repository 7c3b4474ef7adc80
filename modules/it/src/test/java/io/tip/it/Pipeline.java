package io.tip.it;

import java.time.Duration;
import java.util.Map;

import io.tip.app.config.TipSettings;
import io.tip.app.http.HttpApi;
import io.tip.app.pipeline.PipelineService;

/**
 * One pipeline instance in the test JVM, wired exactly as {@code tip run} wires it — HTTP API bound
 * first, the pipeline advertising it — for tests that need many instances cheaply.
 */
final class Pipeline implements AutoCloseable {
    private final HttpApi http;
    private final PipelineService service;

    private Pipeline(HttpApi http, PipelineService service) {
        this.http = http;
        this.service = service;
    }

    static Pipeline start(TestStack stack, String applicationId, java.nio.file.Path stateDir, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        settings.put("application.id", applicationId);
        settings.put("state.dir", stateDir.toString());
        settings.putIfAbsent("http.port", "0");
        TipSettings tip = stack.settings(settings);
        HttpApi http = HttpApi.start(tip, stack.topics());
        PipelineService service = PipelineService.start(http.streamsSettings(tip), stack.topics(), http.metrics());
        http.attach(service);
        service.awaitRunning(Duration.ofMinutes(2));
        return new Pipeline(http, service);
    }

    PipelineService service() {
        return service;
    }

    TipHttp http() {
        return new TipHttp(http.port());
    }

    int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            http.close();
        }
    }
}
