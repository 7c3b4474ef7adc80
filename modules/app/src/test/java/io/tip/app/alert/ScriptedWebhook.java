package io.tip.app.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver that answers from a script — 500, a hang, 429 with Retry-After, 400 —
 * and then 200 once the script is used up, recording every request it got (headers, body, time).
 */
final class ScriptedWebhook implements AutoCloseable {
    /** One scripted answer: a status (with optional Retry-After) or, with hangMillis > 0, no answer for that long. */
    record Answer(int status, String retryAfter, long hangMillis) {
        static Answer status(int status) {
            return new Answer(status, null, 0);
        }

        static Answer tooMany(String retryAfter) {
            return new Answer(429, retryAfter, 0);
        }

        static Answer hang(long millis) {
            return new Answer(200, null, millis);
        }
    }

    record Request(long nanoTime, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    ScriptedWebhook(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::handle);
        server.start();
    }

    /** Answers to give next, before falling back to 200. */
    void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/hook");
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        requests.add(new Request(System.nanoTime(), Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.pollFirst();
        if (answer == null) {
            answer = Answer.status(200);
        }
        if (answer.hangMillis() > 0) {
            try {
                Thread.sleep(answer.hangMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        byte[] reply = (answer.status() == 200 ? "ok" : "scripted " + answer.status()).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        } catch (IOException e) {
            // the client gave up waiting (a scripted hang): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
