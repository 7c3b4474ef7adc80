package io.tip.devstack.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The registry as a non-Java client sees it: plain HTTP and JSON text. */
final class RawHttp {
    static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    record Answer(int status, String contentType, String body, String wwwAuthenticate) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    RawHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private RawHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same client, sending HTTP basic auth as this user. */
    RawHttp as(String user, String password) {
        return new RawHttp(baseUrl, "Basic " + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    Answer get(String path) {
        return send("GET", path, null, CONFLUENT_JSON);
    }

    Answer post(String path, String body) {
        return send("POST", path, body, CONFLUENT_JSON);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body, CONFLUENT_JSON);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, CONFLUENT_JSON);
    }

    /** {@code contentType} null sends none; Accept is the same plain JSON type, else Confluent's. */
    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", contentType != null && contentType.matches("(?i)application/json(;.*)?") ? contentType : CONFLUENT_JSON)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {"schema": "<schema json as a string>"} */
    static String schemaBody(String schemaJson) {
        return JSON.createObjectNode().put("schema", schemaJson).toString();
    }
}
