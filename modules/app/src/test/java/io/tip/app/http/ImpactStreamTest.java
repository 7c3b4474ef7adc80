package io.tip.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.javalin.Javalin;
import io.tip.model.ThesisImpact;

/** The SSE fan-out on a real HTTP server: bounded per client, never stalled by one, capped, strict about its query. */
class ImpactStreamTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final ExecutorService broadcaster = Executors.newSingleThreadExecutor();
    private Javalin app;
    private ImpactStream stream;

    @AfterEach
    void stop() {
        broadcaster.shutdownNow();
        stream.close();
        app.stop();
    }

    private String serve(int buffer, int maxSubscribers) {
        stream = new ImpactStream(Map.of(), null, id -> null, java.util.List::of, buffer, maxSubscribers);
        app = Javalin.create(config -> config.showJavalinBanner = false);
        app.before("/stream", stream::admit);
        app.sse("/stream", stream::subscribe);
        app.start("localhost", 0);
        return "http://localhost:" + app.port() + "/stream";
    }

    @Test
    void aClientThatNeverReadsIsDroppedAndNeverStallsTheOthers() throws Exception {
        String url = serve(100, 10);
        // Given a client that subscribes and never reads, with a small receive buffer
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("localhost", app.port()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // and a client that reads normally
            AtomicInteger received = new AtomicInteger();
            CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(l -> received.incrementAndGet()));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscribers() == 2);

            // When 5,000 impacts of ~4 KB are published (20 MB: far more than the stalled client's socket holds),
            // in batches of 50 the normal client reads before the next
            int total = 5_000;
            AtomicLong slowestBatchMs = new AtomicLong();
            for (int sent = 0; sent < total; sent += 50) {
                int from = sent;
                long start = System.nanoTime();
                broadcaster.submit(() -> {
                    for (int i = from; i < from + 50; i++) {
                        stream.broadcast(impact(i));
                    }
                });
                // Then the normal client gets every batch (a stalled broadcast would stop it here)
                await("batch " + from / 50 + " at the normal client").atMost(Duration.ofSeconds(10))
                        .until(() -> received.get() >= from + 50);
                slowestBatchMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            }
            assertThat(received).hasValue(total);
            // and the client that never read was dropped
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscribers() == 1);
            System.out.println("SSE: normal client received " + total + " impacts while another never read; slowest batch of 50 "
                    + slowestBatchMs.get() + " ms (shared machine)");
        }
    }

    @Test
    void subscribersPastTheCapGet503() {
        String url = serve(100, 2);
        CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscribers() == 2);

        HttpResponse<String> third = get(url);

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.body()).contains("http.sse.max.subscribers");
    }

    @Test
    void aBadMinMagnitudeIs400() {
        String url = serve(100, 2);

        assertThat(get(url + "?minMagnitude=abc").statusCode()).isEqualTo(400);
        assertThat(get(url + "?minMagnitude=abc").body()).contains("minMagnitude must be a number from 0 to 1");
        assertThat(get(url + "?minMagnitude=1.5").statusCode()).isEqualTo(400);
        assertThat(get(url + "?minMagnitude=NaN").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ThesisImpact impact(int i) {
        return ThesisImpact.newBuilder().setId("impact-" + i).setThesisId("t").setThesisTitle("T").setEventId("e-" + i)
                .setEventTime(Instant.parse("2025-12-24T00:00:00Z")).setWhy("w".repeat(4000)).build();
    }
}
