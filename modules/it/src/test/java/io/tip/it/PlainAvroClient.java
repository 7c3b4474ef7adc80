package io.tip.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Confluent-compatible client written from the public REST API and wire format only — no tip
 * code, no generated classes: registers schemas over HTTP, frames records, and decodes what it
 * reads by fetching the writer schema by id.
 */
final class PlainAvroClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String registryUrl;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    PlainAvroClient(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    /** POST /subjects/{subject}/versions; returns the schema id. */
    int register(String subject, Schema schema) {
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        var response = send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return read(response).get("id").asInt();
    }

    /** Magic byte 0, schema id, Avro binary: a GenericRecord decoded with the writer schema fetched by id. */
    GenericRecord decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 0) {
            throw new IllegalArgumentException("not Confluent wire format");
        }
        Schema writer = schemas.computeIfAbsent(buffer.getInt(), id -> new Schema.Parser().parse(
                read(send(HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).GET().build())).get("schema").asText()));
        try {
            return new GenericDatumReader<GenericRecord>(writer).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException e) {
            throw new IllegalArgumentException("undecodable record", e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("registry answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
