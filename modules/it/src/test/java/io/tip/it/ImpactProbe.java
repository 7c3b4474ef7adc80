package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;

/**
 * Sends one probe event at a time — NVIDIA acquires Groq, tagged with the probed tag, which always
 * impacts the convergence thesis — and reads what it did, until a change to the notes shows in the
 * pipeline's matching; then checks it stays.
 */
final class ImpactProbe {
    /** Not a claim about speed (the time is printed; LoadWatchTest measures it): how long before a change counts as never applied. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final EventProducer producer;
    private final CommittedTopic<String, ThesisImpact> impacts;
    private final MarketEvent template = EventStream.examples().get(3);
    private final String tag;
    private int sent;

    ImpactProbe(EventProducer producer, CommittedTopic<String, ThesisImpact> impacts, String tag) {
        this.producer = producer;
        this.impacts = impacts;
        this.tag = tag;
    }

    record Outcome(List<ThesisImpact> impacts) {
        Optional<ThesisImpact> thesis(String id) {
            return impacts.stream().filter(i -> i.getThesisId().equals(id)).findFirst();
        }
    }

    void until(Predicate<Outcome> changed) {
        long start = System.nanoTime();
        Outcome outcome;
        do {
            outcome = send();
        } while (!changed.test(outcome) && System.nanoTime() - start < GIVE_UP_AFTER.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("notes change applied after %d ms (%d probes)%n", took.toMillis(), sent);
        assertThat(changed).as("the change applies").accepts(outcome);
        for (int i = 0; i < 3; i++) {
            assertThat(changed).as("the change stays applied").accepts(send());
        }
    }

    Outcome send() {
        String id = "probe-" + tag + "-" + sent++;
        producer.send(MarketEvent.newBuilder(template).setId(id).setTags(List.of("inference", tag)).build());
        producer.flush();
        List<ThesisImpact> mine = await("probe " + id + " processed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> impacts.values().stream().filter(i -> i.getEventId().equals(id)).toList(),
                        list -> list.stream().anyMatch(i -> i.getThesisId().equals(HeadlineScenario.CONVERGENCE)));
        return new Outcome(mine);
    }

    /** A thesis note whose one signal, with this stance, fires on the probe's tag {@code edge-inference}. */
    static String edgeNote(String stance) {
        return """
                ---
                type: thesis
                tags: [chips]
                ---
                # Edge inference

                Phones and devices keep needing efficiency-optimized inference chips.

                ## Signals

                | Stance | When | Why | Weight |
                |--------|------|-----|--------|
                | %s | tag=edge-inference | Edge inference demand shows up in the deals. | 0.6 |
                """.formatted(stance);
    }
}
