package io.tip.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

class CachedSchemaRegistryClientTest {
    private final Schema price = TestSchemas.parse(TestSchemas.PRICE);
    /** "METHOD path Authorization" for each request the stub registry saw. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<HttpServer> stubs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopStub() {
        stubs.forEach(stub -> stub.stop(0));
    }

    @Test
    void idsAreCachedBothWaysSoRepeatedCallsStayOffTheNetwork() throws IOException {
        // Given a stub registry that answers id 7
        String url = startStub("{\"id\":7}", 200);
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(url);

        // When the same schema is registered three times and its id resolved
        int first = client.register("s-value", price);
        client.register("s-value", TestSchemas.parse(TestSchemas.PRICE));
        client.getId("s-value", price);
        Schema byId = client.getSchemaById(7);

        // Then only the first call went over HTTP
        assertThat(first).isEqualTo(7);
        assertThat(byId).isEqualTo(price);
        assertThat(seen).hasSize(1).first().asString().startsWith("POST /subjects/s-value/versions");
    }

    @Test
    void basicAuthCredentialsComeFromUserInfoOrTheUrl() throws IOException {
        // Given a stub registry
        String url = startStub("{\"id\":1}", 200);
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));

        // When one client has USER_INFO credentials and another has them in the URL
        new CachedSchemaRegistryClient(Map.of(
            RegistryClientConfig.SCHEMA_REGISTRY_URL, url,
            RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
            RegistryClientConfig.BASIC_AUTH_USER_INFO, "alice:s3cret")).register("a", price);
        CachedSchemaRegistryClient.forUrl(url.replace("http://", "http://alice:s3cret@")).register("b", price);

        // Then both sent the same Authorization header
        assertThat(seen).hasSize(2).allSatisfy(request -> assertThat(request).endsWith(expected));
    }

    @Test
    void aDeadUrlIsSkippedForTheNextOne() throws IOException {
        // Given a dead URL listed before the real registry
        String dead = deadUrl();
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(dead + "," + SharedStack.get().registryUrl());

        // When registering
        int id = client.register(SharedStack.uniqueName("failover") + "-value", price);

        // Then the second URL answered
        assertThat(client.getSchemaById(id)).isEqualTo(price);
    }

    @Test
    void noReachableUrlNamesThemAllAndSaysHowToStartARegistry() throws IOException {
        String first = deadUrl();
        String second = deadUrl();
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(first + "," + second);

        assertThatThrownBy(() -> client.register("s", price))
            .isInstanceOf(RegistryUnreachableException.class)
            .hasMessageContaining(first).hasMessageContaining(second)
            .hasMessageContaining("is the schema registry running? start one with `./tip dev`");
    }

    @Test
    void registryErrorsBecomeTypedExceptionsWithTheRegistrysMessage() throws IOException {
        String url = startStub("{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}", 409);
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(url);

        assertThatThrownBy(() -> client.register("s", price))
            .isInstanceOf(IncompatibleSchemaException.class)
            .hasMessageContaining("Schema being registered is incompatible")
            .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(409);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 401, 403, 429})
    void aRegistrySideErrorFailsOverToTheNextUrl(int status) throws IOException {
        // Given a registry answering an error about itself (Confluent's 50003 during a leader change, say)
        // listed before a healthy one
        String failing = startStub("{\"error_code\":" + status + "03,\"message\":\"Error while forwarding the request to the leader\"}", status);
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(failing + "," + SharedStack.get().registryUrl());

        // When registering
        int id = client.register(SharedStack.uniqueName("failover-" + status) + "-value", price);

        // Then the healthy one answered
        assertThat(client.getSchemaById(id)).isEqualTo(price);
        assertThat(seen).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {503, 401, 429})
    void aRegistrySideErrorEverywhereIsAnOutageNotABadRecord(int status) throws IOException {
        // Given two registries answering an error about themselves
        String first = startStub("{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}", status);
        String second = startStub("busy", status);
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(first + "," + second);

        // When a schema id is looked up, Then it is an outage (retry later), not "this id does not exist"
        assertThatThrownBy(() -> client.getSchemaById(12))
            .isInstanceOf(RegistryUnavailableException.class)
            .hasMessageContaining(first).hasMessageContaining(second).hasMessageContaining("HTTP " + status);
        assertThat(seen).hasSize(2);
    }

    @Test
    void anIdTheRegistrySaysDoesNotExistIsNotAnOutage() throws IOException {
        String url = startStub("{\"error_code\":40403,\"message\":\"Schema 12 not found\"}", 404);
        SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(url);

        assertThatThrownBy(() -> client.getSchemaById(12))
            .isInstanceOf(SchemaNotFoundException.class)
            .isNotInstanceOf(RegistryUnavailableException.class);
    }

    private String startStub(String body, int status) throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        stub.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + auth);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        stubs.add(stub);
        return "http://localhost:" + stub.getAddress().getPort();
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        }
    }
}
