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

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
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

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .header("Accept", contentType)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
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
