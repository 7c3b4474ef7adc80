package io.tip.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP API of one {@code tip run} instance, as curl and a browser's EventSource use it. */
final class TipHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    TipHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String body, String retryAfter) {
        Response(int status, String body) {
            this(status, body, null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Response get(String path) {
        return getAccepting(path, "application/json");
    }

    /** GET with this Accept header: a browser sends text/html first. */
    Response getAccepting(String path, String accept) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** POSTs {@code body} with the given Content-Type (null: none). */
    Response post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Response(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Subscribes to Server-Sent Events at {@code path}; the returned list fills with each event's data. */
    Sse subscribe(String path) {
        Sse sse = new Sse();
        sse.response = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                    sse.status = r.statusCode();
                    try (Stream<String> lines = r.body()) {
                        lines.forEach(sse::line);
                    }
                });
        return sse;
    }

    static final class Sse implements AutoCloseable {
        private final List<String> data = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private volatile int status;
        private CompletableFuture<Void> response;

        private void line(String line) {
            if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).trim());
            }
        }

        /** True once the server has accepted the subscription. */
        boolean subscribed() {
            return status == 200 && comments.contains("subscribed");
        }

        List<JsonNode> events() {
            return data.stream().map(d -> {
                try {
                    return JSON.readTree(d);
                } catch (IOException e) {
                    throw new AssertionError("SSE data is not JSON: " + d, e);
                }
            }).toList();
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }
}
