package io.tip.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;
import io.tip.registry.client.IncompatibleSchemaException;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.testdata.Trade;

class CompatibilityTest {
    private final String registryUrl = SharedStack.get().registryUrl();
    private final SchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(registryUrl);
    private final RawHttp http = new RawHttp(registryUrl);

    @Test
    void backwardRefusesABreakingChangeAcceptsACompatibleOneAndReusesIds() {
        // Given a subject at version 1 under the default BACKWARD level
        String subject = SharedStack.uniqueName("trades") + "-value";
        int v1 = client.register(subject, Trade.getClassSchema());

        // When a new required field (old data has no value for it) is registered
        // Then it is refused with 409 and the registry's explanation
        assertThatThrownBy(() -> client.register(subject, TestSchemas.parse(TestSchemas.TRADE_WITH_REQUIRED_VENUE)))
            .isInstanceOf(IncompatibleSchemaException.class)
            .hasMessageContaining("incompatible with an earlier schema")
            .hasMessageContaining("venue");
        RawHttp.Answer refused = http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.TRADE_WITH_REQUIRED_VENUE));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error_code").asInt()).isEqualTo(409);

        // When a compatible change (optional field, extra enum symbol) is registered
        int v2 = client.register(subject, TestSchemas.parse(TestSchemas.TRADE_V2));

        // Then it becomes version 2 with a new id, and registering it again changes nothing
        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
        RawHttp.Answer again = http.post("/subjects/" + subject + "/versions", RawHttp.schemaBody(TestSchemas.TRADE_V2));
        assertThat(again.json().get("id").asInt()).isEqualTo(v2);
        assertThat(client.getLatest(subject).version()).isEqualTo(2);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectGetsTheSameId() {
        String first = SharedStack.uniqueName("a") + "-value";
        String second = SharedStack.uniqueName("b") + "-value";

        int id = client.register(first, TestSchemas.parse(TestSchemas.PRICE));

        // whitespace differs: the registry compares canonical schemas
        RawHttp.Answer answer = http.post("/subjects/" + second + "/versions",
            RawHttp.schemaBody(TestSchemas.PRICE.replace(",", " ,\n ")));
        assertThat(answer.json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void levelsAreSettablePerSubjectAndForwardChecksTheOtherDirection() {
        // Given a subject whose own level is FORWARD (old readers must read new data)
        String subject = SharedStack.uniqueName("forward") + "-value";
        client.register(subject, TestSchemas.parse(TestSchemas.TRADE_V2));
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"FORWARD\"}").body()).isEqualTo("{\"compatibility\":\"FORWARD\"}");

        // When v1 (drops "note", which has a default, and the SHORT symbol, which v2 readers default) is checked
        // and a schema that removes the required "quantity" field is checked
        boolean v1Compatible = client.testCompatibility(subject, Trade.getClassSchema());
        String withoutQuantity = TestSchemas.TRADE_V2.replace("{\"name\":\"quantity\",\"type\":\"int\"},", "");

        // Then FORWARD accepts the first and refuses the second, which BACKWARD would have accepted
        assertThat(v1Compatible).isTrue();
        assertThat(client.testCompatibility(subject, TestSchemas.parse(withoutQuantity))).isFalse();
        http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        assertThat(client.testCompatibility(subject, TestSchemas.parse(withoutQuantity))).isTrue();
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        assertThat(client.register(subject, TestSchemas.parse(TestSchemas.TRADE_WITH_REQUIRED_VENUE))).isPositive();
    }

    @Test
    void transitiveLevelsCheckEveryVersionNotJustTheLatest() {
        // Given v1 {a} and v2 {b = 0}, registered under NONE
        String subject = SharedStack.uniqueName("transitive") + "-value";
        http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
        client.register(subject, TestSchemas.parse(record("{\"name\":\"a\",\"type\":\"int\"}")));
        client.register(subject, TestSchemas.parse(record("{\"name\":\"b\",\"type\":\"int\",\"default\":0}")));

        // When a schema that reads v2 data but not v1 data (requires b, drops a) is checked
        String candidate = record("{\"name\":\"b\",\"type\":\"int\"}");

        // Then BACKWARD accepts it (latest only) and BACKWARD_TRANSITIVE refuses it (v1 lacks b)
        http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        assertThat(client.testCompatibility(subject, TestSchemas.parse(candidate))).isTrue();
        http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(client.testCompatibility(subject, TestSchemas.parse(candidate))).isFalse();
    }

    private static String record(String field) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + field + "]}";
    }
}
