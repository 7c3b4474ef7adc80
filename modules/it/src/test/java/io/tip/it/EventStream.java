package io.tip.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.app.format.EventJson;
import io.tip.model.MarketEvent;

/**
 * Market events for load: the example events (some move theses, some move none) repeated with
 * fresh ids and event times one minute apart, so every event has its own impacts.
 */
final class EventStream {
    private EventStream() {
    }

    static List<MarketEvent> examples() {
        return read(Repo.exampleEvents());
    }

    static List<MarketEvent> read(Path jsonl) {
        try {
            return Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).map(EventJson::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} events named {@code prefix-00000...}, cycling through the examples. */
    static List<MarketEvent> of(String prefix, int count) {
        List<MarketEvent> templates = examples();
        List<MarketEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MarketEvent template = templates.get(i % templates.size());
            events.add(MarketEvent.newBuilder(template)
                    .setId(String.format("%s-%05d", prefix, i))
                    .setOccurredAt(template.getOccurredAt().minus(Duration.ofMinutes(i)))
                    .build());
        }
        return events;
    }

    /** The events of {@code from} with {@code prefix} before each id, as a file for `tip publish`. */
    static void writeRenamed(Path from, String prefix, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(from)) {
            if (!line.isBlank()) {
                ObjectNode event = (ObjectNode) json.readTree(line);
                event.put("id", prefix + event.get("id").asText());
                lines.add(json.writeValueAsString(event));
            }
        }
        Files.write(to, lines);
    }
}
