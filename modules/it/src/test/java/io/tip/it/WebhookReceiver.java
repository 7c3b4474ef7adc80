package io.tip.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on localhost, as an alerting system runs one: it answers each request by a
 * policy (request number, body) -> answer, and keeps every request with its Idempotency-Key and
 * the status it got, so a test can tell deliveries from repeats.
 */
final class WebhookReceiver implements AutoCloseable {
    /** The status to answer (with Retry-After when not null), after {@code delayMillis}. */
    record Answer(int status, String retryAfter, long delayMillis) {
    }

    record Request(String key, int status, String body) {
    }

    private final HttpServer server;
    private final BiFunction<Integer, String, Answer> policy;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    WebhookReceiver(BiFunction<Integer, String, Answer> policy) throws IOException {
        this.policy = policy;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Keys of the alerts that got a 2xx at least once. */
    Set<String> delivered() {
        return requests().stream().filter(r -> r.status() / 100 == 2).map(Request::key).collect(Collectors.toSet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Answer answer = policy.apply(count.incrementAndGet(), body);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), answer.status(), body));
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        try {
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException e) {
            // the sender is gone (killed): it never saw this answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
