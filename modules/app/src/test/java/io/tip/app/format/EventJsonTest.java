package io.tip.app.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tip.model.EventType;
import io.tip.model.MarketEvent;

class EventJsonTest {

    @Test
    void theExampleFromTheProductBriefParses() {
        MarketEvent event = EventJson.parse("{\"id\":\"evt-nvda-groq\",\"type\":\"ACQUISITION\",\"actor\":\"NVIDIA\",\"target\":\"Groq\","
                + "\"amountUsd\":20000000000,\"occurredAt\":\"2025-12-24\",\"headline\":\"NVIDIA to acquire Groq for $20B\","
                + "\"source\":\"example\",\"tags\":[\"inference\"]}");

        assertThat(event.getId()).isEqualTo("evt-nvda-groq");
        assertThat(event.getType()).isEqualTo(EventType.ACQUISITION);
        assertThat(event.getTarget()).isEqualTo("Groq");
        assertThat(event.getAmountUsd()).isEqualTo(20_000_000_000L);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-12-24T00:00:00Z"));
        assertThat(event.getTags()).containsExactly("inference");
    }

    @Test
    void anEventWrittenAsALineReadsBackTheSame() {
        MarketEvent event = EventJson.parse("{\"id\":\"evt-maersk\",\"type\":\"CAPACITY\",\"actor\":\"Maersk\","
                + "\"occurredAt\":\"2025-12-15\",\"headline\":\"Maersk adds capacity\",\"tags\":[\"shipping\"],\"attributes\":{\"route\":\"Asia-Europe\"}}");

        String line = EventJson.line(event);

        assertThat(line).doesNotContain("null").doesNotContain("\"products\"").doesNotContain("\n");
        assertThat(EventJson.parse(line)).isEqualTo(event);
    }

    @Test
    void typesIgnoreCaseDashesAndUnderscoresAndInstantsAreAccepted() {
        MarketEvent event = EventJson.parse("{\"id\":\"e\",\"type\":\"product-launch\",\"actor\":\"A\",\"occurredAt\":\"2025-01-02T03:04:05Z\",\"headline\":\"h\"}");

        assertThat(event.getType()).isEqualTo(EventType.PRODUCT_LAUNCH);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void theFormsTheAvroRecordHoldsAreAcceptedToo() {
        MarketEvent event = EventJson.parse("{\"id\":\"e\",\"type\":\"CAPACITY\",\"actor\":\"SK Hynix\",\"amountUsd\":\"$4.5B\","
                + "\"occurredAt\":1766534400000,\"reportedAt\":1766538000000,\"headline\":\"h\"}");

        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-12-24T00:00:00Z"));
        assertThat(event.getReportedAt()).isEqualTo(Instant.parse("2025-12-24T01:00:00Z"));
        assertThat(event.getAmountUsd()).isEqualTo(4_500_000_000L);
        assertThat(EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"amountUsd\":\"4.5B\",\"occurredAt\":\"2025-01-01\","
                + "\"headline\":\"h\"}").getAmountUsd()).isEqualTo(4_500_000_000L);
        assertThat(EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"amountUsd\":\"250K\",\"occurredAt\":\"2025-01-01\","
                + "\"headline\":\"h\"}").getAmountUsd()).isEqualTo(250_000L);
    }

    @Test
    void amountsAndTimesThatAreNotWholeSayWhatToWrite() {
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"amountUsd\":\"4.5 billion\","
                + "\"occurredAt\":\"2025-01-01\",\"headline\":\"h\"}"))
                .hasMessage("amountUsd: bad amount '4.5 billion' (a number of US dollars, optionally ending in K, M, B or T: 1.5B)");
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"amountUsd\":1.5,"
                + "\"occurredAt\":\"2025-01-01\",\"headline\":\"h\"}"))
                .hasMessage("amountUsd 1.5 is not a whole, non-negative number of US dollars (write 20000000000, \"20B\" or \"$4.5B\")");
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"occurredAt\":1.7E12,\"headline\":\"h\"}"))
                .hasMessageContaining("occurredAt 1.7E12 is not whole epoch milliseconds");
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"headline\":\"h\"}"))
                .hasMessage("missing required field 'occurredAt'");
    }

    @Test
    void errorsNameTheFieldAndWhatToWrite() {
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"aquisition\",\"actor\":\"A\",\"occurredAt\":\"2025-01-01\",\"headline\":\"h\"}"))
                .hasMessageContaining("unknown type 'aquisition'").hasMessageContaining("ACQUISITION");
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"OTHER\",\"actor\":\"A\",\"occurredAt\":\"2025-01-01\",\"headline\":\"h\"}"))
                .hasMessage("missing required field 'id'");
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"type\":\"OTHER\",\"actor\":\"A\",\"occurredAt\":\"Dec 2024\",\"headline\":\"h\"}"))
                .hasMessageContaining("occurredAt 'Dec 2024' is not a date");
        assertThatThrownBy(() -> EventJson.parse("{\"id\":\"e\",\"headlin\":\"h\"}")).hasMessageContaining("unknown field 'headlin'");
        assertThatThrownBy(() -> EventJson.parse("{not json")).hasMessageContaining("not valid JSON");
    }

    @Test
    void aBadLineIsReportedWithItsNumberAndTheLinesAfterItAreKept() {
        String file = """
                {"id":"a","type":"OTHER","actor":"A","occurredAt":"2025-01-01","headline":"one"}
                # a comment

                {"id":"b","type":"NOPE","actor":"A","occurredAt":"2025-01-01","headline":"two"}
                {"id":"c","type":"OTHER","actor":"A","occurredAt":"2025-01-01","headline":"three"}
                """;
        List<String> ids = new ArrayList<>();
        List<String> errors = new ArrayList<>();

        EventLines.Result result = EventLines.read(new BufferedReader(new StringReader(file)), "events.jsonl",
                e -> ids.add(e.getId()), errors::add);

        assertThat(ids).containsExactly("a", "c");
        assertThat(errors).singleElement().asString().startsWith("events.jsonl:4: unknown type 'NOPE'");
        assertThat(result).isEqualTo(new EventLines.Result(2, 1));
    }
}
