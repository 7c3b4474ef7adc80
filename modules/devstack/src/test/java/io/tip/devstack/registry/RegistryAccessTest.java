package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.client.SchemaRegistryException;

/** What clients may do: basic auth with two roles, JSON bodies only. (Where it listens: RegistryCommandTest in modules/it.) */
class RegistryAccessTest {
    private static final String USERS = "alice:wonder:land:admin;bob:builder:read-only";

    @Test
    void withUsersEveryRequestNeedsBasicAuthAndOnlyAdminsWrite() {
        try (SchemaRegistryServer server = start(Map.of(RegistryServerSettings.AUTH_USERS, USERS))) {
            RawHttp anonymous = new RawHttp(server.url());
            RawHttp admin = anonymous.as("alice", "wonder:land");
            RawHttp reader = anonymous.as("bob", "builder");
            String subject = "prices-value";

            // Without credentials, or with wrong ones: 401 with a challenge, for reads too
            for (RawHttp.Answer refused : List.of(anonymous.get("/subjects"), anonymous.as("bob", "builder!").get("/subjects"),
                anonymous.as("mallory", "builder").get("/subjects"),
                anonymous.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE)))) {
                assertError(refused, 401, 401, "Unauthorized");
                assertThat(refused.wwwAuthenticate()).startsWith("Basic realm=");
            }

            // An admin registers, sets levels and deletes
            assertThat(admin.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE)).status()).isEqualTo(200);
            assertThat(admin.put("/config/" + subject, "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);

            // A read-only user reads, looks up and checks compatibility, but every write is 403
            assertThat(reader.get("/subjects").body()).isEqualTo("[\"" + subject + "\"]");
            assertThat(reader.post("/subjects/" + subject, RawHttp.schemaBody(TestSchemas.PRICE)).status()).isEqualTo(200);
            assertThat(reader.post("/compatibility/subjects/" + subject + "/versions/latest", RawHttp.schemaBody(TestSchemas.PRICE))
                .status()).isEqualTo(200);
            assertError(reader.post("/subjects/other-value/versions", RawHttp.schemaBody(TestSchemas.PRICE)), 403, 40301,
                "registering a schema needs the admin role");
            assertError(reader.put("/config", "{\"compatibility\":\"NONE\"}"), 403, 40301, "admin role");
            assertError(reader.put("/config/" + subject, "{\"compatibility\":\"NONE\"}"), 403, 40301, "admin role");
            assertError(reader.delete("/config/" + subject), 403, 40301, "admin role");
            assertError(reader.delete("/subjects/" + subject + "/versions/1"), 403, 40301, "admin role");
            assertError(reader.delete("/subjects/" + subject), 403, 40301, "admin role");
            assertThat(reader.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
            assertThat(reader.get("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

            assertThat(admin.delete("/subjects/" + subject).body()).isEqualTo("[1]");
        }
    }

    @Test
    void tipsClientSendsBasicAuthFromItsConfluentSettings(@TempDir Path dir) throws IOException {
        // Given users from a file in Confluent's (Jetty's) password-file layout
        Path users = dir.resolve("registry-users.properties");
        Files.writeString(users, "# user: password,role\ncarol: s3cret,admin\ndave : r34d,read-only\n");
        try (SchemaRegistryServer server = start(Map.of(RegistryServerSettings.AUTH_USERS_FILE, users.toString()))) {
            // When tip's client registers with basic.auth.user.info
            var admin = new CachedSchemaRegistryClient(Map.of("schema.registry.url", server.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "carol:s3cret"));
            int id = admin.register("prices-value", TestSchemas.parse(TestSchemas.PRICE));

            // Then a read-only user reads it by id, and is refused a registration with a message saying why
            var reader = new CachedSchemaRegistryClient(Map.of("schema.registry.url", server.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "dave:r34d"));
            assertThat(reader.getSchemaById(id)).isEqualTo(TestSchemas.parse(TestSchemas.PRICE));
            assertThatThrownBy(() -> reader.register("trades-value", TestSchemas.parse(TestSchemas.TRADE_V2)))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("403").hasMessageContaining("admin role");
        }
    }

    @Test
    void malformedUsersAreAnErrorAtStartUpThatShowsNoPassword() {
        assertThatThrownBy(() -> new RegistryServerSettings(Map.of(RegistryServerSettings.AUTH_USERS, "erin:hunter2:owner")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("`admin` or `read-only`").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new RegistryServerSettings(Map.of(RegistryServerSettings.AUTH_USERS, "erin-hunter2")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("user:password:role").hasMessageNotContaining("hunter2");
    }

    @Test
    void requestsWithABodyMustBeJson() {
        RawHttp http = new RawHttp(SharedStack.get().registryUrl());
        String subject = SharedStack.uniqueName("content-type") + "-value";
        String body = RawHttp.schemaBody(TestSchemas.PRICE);

        // What a cross-site form or fetch without preflight can send is refused, and nothing is registered
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
            "application/jsonp", null}) {
            assertError(http.send("POST", "/subjects/" + subject + "/versions", body, type), 415, 415, "Unsupported Media Type");
        }
        assertError(http.send("PUT", "/config", "{\"compatibility\":\"NONE\"}", "text/plain"), 415, 415, "application/json");
        assertThat(http.get("/subjects").body()).doesNotContain(subject);
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        // Confluent's types and plain JSON, with parameters, are taken
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json; charset=utf-8", "Application/JSON"}) {
            assertThat(http.send("POST", "/subjects/" + subject + "/versions", body, type).status()).as(type).isEqualTo(200);
        }
    }

    private static SchemaRegistryServer start(Map<String, String> settings) {
        return SchemaRegistryServer.start(SchemaRegistryServerConfig.forKafka(SharedStack.get().bootstrapServers())
            .withTopic(SharedStack.uniqueName("_schemas")).withSettings(new RegistryServerSettings(settings)));
    }

    static void assertError(RawHttp.Answer answer, int status, int errorCode, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(RawHttp.CONFLUENT_JSON);
        assertThat(answer.json().get("error_code").asInt()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").asText()).contains(messagePart);
    }
}
