package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;

/** Confluent's REST contract, checked the way a client in another language would use it. */
class RestContractTest {
    private final RawHttp http = new RawHttp(SharedStack.get().registryUrl());
    private final String subject = SharedStack.uniqueName("contract") + "-value";
    private final String priceSchema = TestSchemas.parse(TestSchemas.PRICE).toString();

    @Test
    void registerThenReadBackThroughEveryReadEndpoint() {
        // Given a registered schema
        RawHttp.Answer registered = http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).startsWith(RawHttp.CONFLUENT_JSON);
        int id = registered.json().get("id").asInt();

        // Then every read endpoint answers with Confluent's bodies
        assertThat(http.get("/").body()).isEqualTo("{}");
        assertThat(http.get("/subjects").json()).extracting(JsonNode::toString).asString().contains("\"" + subject + "\"");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        String expectedVersion = "{\"subject\":\"" + subject + "\",\"version\":1,\"id\":" + id + ",\"schema\":"
            + quoted(priceSchema) + "}";
        assertThat(http.get("/subjects/" + subject + "/versions/1").body()).isEqualTo(expectedVersion);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").body()).isEqualTo(expectedVersion);
        assertThat(http.post("/subjects/" + subject, RawHttp.schemaBody(TestSchemas.PRICE)).body()).isEqualTo(expectedVersion);
        assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(priceSchema);
        assertThat(http.get("/schemas/ids/" + id).body()).isEqualTo("{\"schema\":" + quoted(priceSchema) + "}");
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/latest", RawHttp.schemaBody(TestSchemas.PRICE)).body())
            .isEqualTo("{\"is_compatible\":true}");
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/1",
            RawHttp.schemaBody(TestSchemas.PRICE.replace("double", "string"))).body()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void notFoundErrorsCarryConfluentCodes() {
        http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE));

        assertError(http.get("/subjects/no-such-subject/versions"), 404, 40401, "Subject 'no-such-subject' not found.");
        assertError(http.post("/subjects/no-such-subject", RawHttp.schemaBody(TestSchemas.PRICE)), 404, 40401, "not found");
        assertError(http.get("/subjects/" + subject + "/versions/9"), 404, 40402, "Version 9 not found.");
        assertError(http.post("/subjects/" + subject, RawHttp.schemaBody(TestSchemas.TRADE_V2)), 404, 40403, "Schema not found");
        assertError(http.get("/schemas/ids/987654"), 404, 40403, "Schema 987654 not found");
        assertError(http.get("/config/" + subject), 404, 40408, "does not have subject-level compatibility");
        assertError(http.get("/no/such/endpoint"), 404, 404, "");
    }

    @Test
    void invalidInputErrorsCarryConfluentCodes() {
        assertError(http.post("/subjects/" + subject + "/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrd\\\"}\"}"),
            422, 42201, "Invalid schema");
        assertError(http.post("/subjects/" + subject + "/versions", "{\"schema\":\"x\",\"schemaType\":\"PROTOBUF\"}"),
            422, 42201, "AVRO");
        assertError(http.post("/subjects/" + subject + "/versions", "{not json"), 400, 400, "malformed JSON");
        http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE));
        assertError(http.get("/subjects/" + subject + "/versions/abc"), 422, 42202, "not a valid version");
        assertError(http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, "Invalid compatibility level");
    }

    @Test
    void compatibilityConfigGlobalAndPerSubject() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        try {
            assertThat(http.put("/config", "{\"compatibility\":\"FULL\"}").body()).isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        } finally {
            http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        }
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"none\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.delete("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config/" + subject).status()).isEqualTo(404);
    }

    @Test
    void deletingASubjectListsItsVersionsAndKeepsIdsResolvable() {
        int id = http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.PRICE)).json().get("id").asInt();
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.TRADE_V2));

        assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[1,2]");

        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401, "not found");
        assertThat(http.get("/subjects").body()).doesNotContain("\"" + subject + "\"");
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void plainApplicationJsonIsAcceptedAndAnswered() {
        RawHttp.Answer answer = http.send("POST", "/subjects/" + subject + "/versions",
            RawHttp.schemaBody(TestSchemas.PRICE), "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("id").asInt()).isPositive();
        assertThat(http.send("GET", "/subjects/" + subject + "/versions", null, "application/json").body()).isEqualTo("[1]");
    }

    private static void assertError(RawHttp.Answer answer, int status, int errorCode, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(RawHttp.CONFLUENT_JSON);
        assertThat(answer.json().get("error_code").asInt()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").asText()).contains(messagePart);
    }

    private static String quoted(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("x", text).get("x").toString();
    }
}
