package io.tip.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tip.app.format.EventJson;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;

/** docs/events.md shows a valid event of every type, and names every field of the schema. */
class EventsDocTest {
    private static final Path DOC = Path.of("../../docs/events.md");

    @Test
    void everyWorkedExampleParsesAndEveryTypeHasOne() throws Exception {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("## One worked example per type"));
        List<String> lines = section.substring(section.indexOf("```json\n") + 8, section.indexOf("```\n", section.indexOf("```json\n") + 8))
                .lines().collect(Collectors.toList());

        List<MarketEvent> events = lines.stream().map(EventJson::parse).collect(Collectors.toList());

        assertThat(events).extracting(MarketEvent::getType).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everySchemaFieldIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        List<String> fields = MarketEvent.getClassSchema().getFields().stream().map(f -> f.name()).collect(Collectors.toList());
        fields.forEach(f -> assertThat(doc).as(f).contains("| `" + f + "` |"));
        Arrays.stream(EventType.values()).forEach(t -> assertThat(doc).contains("`" + t.name() + "`"));
    }
}
