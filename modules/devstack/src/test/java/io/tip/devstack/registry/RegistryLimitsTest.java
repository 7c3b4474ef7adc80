package io.tip.devstack.registry;

import static io.tip.devstack.registry.RegistryAccessTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

/** What one request may ask of the registry: a capped body, however framed, and schemas within size, depth and enum caps. */
class RegistryLimitsTest {
    private final RawHttp http = new RawHttp(SharedStack.get().registryUrl());
    private final String subject = SharedStack.uniqueName("limits") + "-value";

    @Test
    void aChunkedUploadPastTheCapIs413WithoutBeingReadInFull() throws Exception {
        URI url = URI.create(SharedStack.get().registryUrl());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(120_000);
            // Given a chunked POST (no Content-Length) of which 4 MB are sent, four times the cap, the rest held back:
            // a registry that reads bodies to their end (as it did) cannot answer until the rest comes
            OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/" + subject + "/versions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/vnd.schemaregistry.v1+json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < 4L * 1024 * 1024) {
                    out.write(header);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                out.flush();
            } catch (IOException e) {
                // the registry answered and closed while these were still going out: what this test expects
            }

            // When the registry answers
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }

            // Then it is 413 with Confluent's error body, and the connection is closed (the rest will never be read)
            System.out.printf("chunked upload: 413 after %,d bytes sent of a body never finished%n", sent);
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat(rest.toString()).contains("\"error_code\":413").contains(RegistryServerSettings.MAX_REQUEST_BYTES)
                .containsIgnoringCase("Connection: close");
        }
        // and the registry goes on serving
        assertThat(http.get("/subjects").status()).isEqualTo(200);
    }

    @Test
    void aDeclaredBodyPastTheCapIs413() {
        String big = RawHttp.schemaBody(" ".repeat(2 * 1024 * 1024) + TestSchemas.PRICE);
        assertError(http.post("/subjects/" + subject + "/versions", big), 413, 413, "larger than 1048576 bytes");
    }

    @Test
    void aDeeplyNestedSchemaIsRefusedBeforeAnyCompatibilityCheck() {
        // Given a schema of 100 records each nested in the one before (the cap is 64)
        StringBuilder schema = new StringBuilder();
        int depth = 100;
        for (int i = 0; i < depth; i++) {
            schema.append("{\"type\":\"record\",\"name\":\"N").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
        }
        schema.append("\"int\"");
        schema.append("}]}".repeat(depth));

        // Then registering it, or checking it against a subject, is 422 / 42201 naming the cap
        assertError(http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(schema.toString())), 422, 42201,
            "nested more than 64 levels deep");
        http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE));
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/latest", RawHttp.schemaBody(schema.toString())),
            422, 42201, RegistryServerSettings.MAX_SCHEMA_DEPTH);
    }

    @Test
    void schemasOverTheSizeOrEnumCapsAre422() {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistryServerConfig.forKafka(SharedStack.get()
            .bootstrapServers()).withTopic(SharedStack.uniqueName("_schemas")).withSettings(new RegistryServerSettings(Map.of(
                RegistryServerSettings.MAX_ENUM_SYMBOLS, "100", RegistryServerSettings.MAX_SCHEMA_BYTES, "2048"))))) {
            RawHttp small = new RawHttp(server.url());
            assertError(small.post("/subjects/e-value/versions", RawHttp.schemaBody(enumSchema(101))), 422, 42201,
                "has 101 symbols, more than the 100");
            assertThat(small.post("/subjects/e-value/versions", RawHttp.schemaBody(enumSchema(100))).status()).isEqualTo(200);
            String padded = TestSchemas.PRICE.replace("\"fields\"", "\"doc\":\"" + "x".repeat(3000) + "\",\"fields\"");
            assertError(small.post("/subjects/p-value/versions", RawHttp.schemaBody(padded)), 422, 42201,
                "more than the 2048 this registry accepts");
        }
    }

    @Test
    void anInvalidSchemaIsNotEchoedBack() {
        // Given a 100 KB schema with a mistake at its end
        String marker = "MARKER-" + "m".repeat(100_000);
        String invalid = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"" + marker + "\",\"fields\":[{\"name\":\"a\",\"type\":\"strng\"}]}";

        RawHttp.Answer answer = http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(invalid));

        // Then the error names the problem in a few hundred characters, without the schema
        assertError(answer, 422, 42201, "Invalid schema");
        assertThat(answer.body()).doesNotContain("MARKER").hasSizeLessThan(2_500);
    }

    private static String enumSchema(int symbols) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < symbols; i++) {
            list.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        return "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[" + list + "]}";
    }
}
