package io.tip.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.common.config.ConfigException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP to one of several registry URLs. A failure of the registry itself — no connection, a
 * timeout, 5xx (Confluent answers 503 / 50003 while its leader changes), 401/403, 429 — moves on to the
 * next URL, and when every URL failed becomes a {@link RegistryUnavailableException}: it says nothing
 * about the schema or record asked about. An answer about the request (404, 409, 422) is final and
 * becomes a typed exception.
 */
final class RegistryHttp {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
        "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Endpoint(String url, String authorization) {
    }

    private final List<Endpoint> endpoints;
    private final HttpClient http;
    private volatile int preferred;

    RegistryHttp(RegistryClientConfig config) {
        String userInfo = config.userInfo();
        this.endpoints = config.urls().stream().map(url -> endpoint(url, userInfo)).toList();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The URL that answered last; the one named in error messages. */
    String currentUrl() {
        return endpoints.get(preferred).url();
    }

    JsonNode get(String path) {
        return send(path, null);
    }

    JsonNode post(String path, Object body) {
        try {
            return send(path, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body for " + path, e);
        }
    }

    private JsonNode send(String path, String body) {
        int start = preferred;
        IOException lastFailure = null;
        List<String> refusals = new ArrayList<>();
        RegistryUnavailableException lastRefusal = null;
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (start + i) % endpoints.size();
            Endpoint endpoint = endpoints.get(index);
            HttpResponse<String> response;
            try {
                response = http.send(request(endpoint, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                refusals.add(endpoint.url() + ": " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while calling the schema registry at " + endpoint.url(), e);
            }
            try {
                JsonNode answer = answer(endpoint, response);
                preferred = index;
                return answer;
            } catch (RegistryUnavailableException e) {
                lastRefusal = e;
                refusals.add(e.getMessage());
            }
        }
        if (lastRefusal == null) {
            String urls = String.join(", ", endpoints.stream().map(Endpoint::url).toList());
            throw new RegistryUnreachableException("schema registry unreachable at " + urls + " (" + lastFailure
                + "); is the schema registry running? start one with `./tip dev`", lastFailure);
        }
        throw new RegistryUnavailableException(refusals.size() == 1 ? refusals.get(0)
            : "no schema registry could answer: " + String.join("; ", refusals), lastRefusal.errorCode());
    }

    private HttpRequest request(Endpoint endpoint, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", ACCEPT);
        if (endpoint.authorization() != null) {
            builder.header("Authorization", endpoint.authorization());
        }
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode answer(Endpoint endpoint, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status / 100 == 2) {
            if (body == null) {
                throw new RegistryUnavailableException("registry at " + endpoint.url() + " answered with non-JSON: "
                    + abbreviate(response.body()), -1);
            }
            return body;
        }
        int code = body != null && body.has("error_code") ? body.get("error_code").asInt() : status;
        String message = body != null && body.has("message") ? body.get("message").asText() : abbreviate(response.body());
        String where = " (registry " + endpoint.url() + ")";
        switch (status) {
            case 401, 403 -> throw new RegistryUnavailableException("registry at " + endpoint.url() + " refused access (HTTP "
                + status + ": " + message + "); set basic.auth.credentials.source=USER_INFO and basic.auth.user.info=user:password", code);
            case 404 -> throw new SchemaNotFoundException(message + where, code);
            case 409 -> throw new IncompatibleSchemaException("incompatible schema: " + message + where, code);
            case 422 -> {
                if (code == 42201 || code == 422) {
                    throw new InvalidSchemaException("invalid schema: " + message + where, code);
                }
                throw new SchemaRegistryException(message + where, code);
            }
            case 429 -> throw new RegistryUnavailableException("registry at " + endpoint.url()
                + " is rate-limiting this client (HTTP 429: " + message + ")", code);
            default -> {
                if (status >= 500) {
                    throw new RegistryUnavailableException("registry at " + endpoint.url() + " answered HTTP " + status
                        + ": " + message, code);
                }
                throw new SchemaRegistryException("registry at " + endpoint.url() + " answered HTTP " + status
                    + ": " + message, code);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Credentials in the URL (http://user:pass@host) are moved into a header; user.info from config wins. */
    private static Endpoint endpoint(String url, String configuredUserInfo) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " has an entry that is not an http(s)://host:port URL: "
                    + RedactedUrl.of(url));
            }
            String userInfo = configuredUserInfo != null ? configuredUserInfo
                : uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            String base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            String authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            return new Endpoint(base, authorization);
        } catch (URISyntaxException e) {
            throw new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL + " has an entry that is not a URL: "
                + RedactedUrl.inText(e.getMessage()));
        }
    }
}
