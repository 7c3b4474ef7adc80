package io.tip.engine.internal.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tip.engine.EngineConfig;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;

/** Every limit at its exact boundary: the last value accepted and the first one rejected, with the default and a configured value. */
class EventValidatorTest {
    private static final Instant NOW = Instant.parse("2025-12-30T12:00:00Z");
    private static final EventValidator DEFAULTS = new EventValidator(new EngineConfig(Map.of()));

    private static MarketEvent.Builder ok() {
        return MarketEvent.newBuilder().setId("e").setType(EventType.ACQUISITION).setActor("A").setTarget("B")
                .setHeadline("A buys B").setOccurredAt(Instant.parse("2025-12-24T00:00:00Z")).setTags(List.of());
    }

    private static void accepts(EventValidator validator, MarketEvent event) {
        assertThatCode(() -> validator.validate(event.getId(), event, NOW.toEpochMilli())).doesNotThrowAnyException();
    }

    private static void rejects(EventValidator validator, MarketEvent event, String reason) {
        assertThatThrownBy(() -> validator.validate(event.getId(), event, NOW.toEpochMilli()))
                .isInstanceOf(InvalidEventException.class).hasMessage(reason);
    }

    static Stream<Arguments> textFields() {
        return Stream.of(
                Arguments.of("id", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setId),
                Arguments.of("actor", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setActor),
                Arguments.of("target", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setTarget),
                Arguments.of("headline", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setHeadline),
                Arguments.of("source", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setSource),
                Arguments.of("url", (BiConsumer<MarketEvent.Builder, String>) MarketEvent.Builder::setUrl),
                Arguments.of("products entry", (BiConsumer<MarketEvent.Builder, String>) (b, v) -> b.setProducts(List.of("p", v))),
                Arguments.of("tags entry", (BiConsumer<MarketEvent.Builder, String>) (b, v) -> b.setTags(List.of(v))),
                Arguments.of("attribute name", (BiConsumer<MarketEvent.Builder, String>) (b, v) -> b.setAttributes(Map.of(v, "x"))),
                Arguments.of("attribute 'k'", (BiConsumer<MarketEvent.Builder, String>) (b, v) -> b.setAttributes(Map.of("k", v))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void textIsAcceptedUpTo4096CharactersAndRejectedAt4097(String field, BiConsumer<MarketEvent.Builder, String> set) {
        accepts(DEFAULTS, with(set, "x".repeat(4096)));
        rejects(DEFAULTS, with(set, "x".repeat(4097)), field + " is 4097 characters long (at most 4096)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void aConfiguredTextLimitIsTheLimit(String field, BiConsumer<MarketEvent.Builder, String> set) {
        EventValidator validator = new EventValidator(new EngineConfig(Map.of(EngineConfig.VALIDATION_MAX_TEXT_CHARS, 20)));
        accepts(validator, with(set, "x".repeat(20)));
        rejects(validator, with(set, "x".repeat(21)), field + " is 21 characters long (at most 20)");
    }

    private static MarketEvent with(BiConsumer<MarketEvent.Builder, String> set, String value) {
        MarketEvent.Builder b = ok();
        set.accept(b, value);
        return b.build();
    }

    @Test
    void listsAreAcceptedUpTo256EntriesAndRejectedAt257() {
        accepts(DEFAULTS, ok().setProducts(strings(256)).setTags(strings(256)).setAttributes(attributes(256)).build());
        rejects(DEFAULTS, ok().setProducts(strings(257)).build(), "products has 257 entries (at most 256)");
        rejects(DEFAULTS, ok().setTags(strings(257)).build(), "tags has 257 entries (at most 256)");
        rejects(DEFAULTS, ok().setAttributes(attributes(257)).build(), "attributes has 257 entries (at most 256)");
    }

    @Test
    void aConfiguredListLimitIsTheLimit() {
        EventValidator validator = new EventValidator(new EngineConfig(Map.of(EngineConfig.VALIDATION_MAX_LIST_SIZE, "3")));
        accepts(validator, ok().setProducts(strings(3)).setTags(strings(3)).setAttributes(attributes(3)).build());
        rejects(validator, ok().setProducts(strings(4)).build(), "products has 4 entries (at most 3)");
        rejects(validator, ok().setTags(strings(4)).build(), "tags has 4 entries (at most 3)");
        rejects(validator, ok().setAttributes(attributes(4)).build(), "attributes has 4 entries (at most 3)");
    }

    @Test
    void anEventUpToTwoDaysAheadIsAcceptedAndOneMillisecondMoreRejected() {
        Instant limit = NOW.plus(Duration.ofDays(2));
        accepts(DEFAULTS, ok().setOccurredAt(limit).build());
        rejects(DEFAULTS, ok().setOccurredAt(limit.plusMillis(1)).build(),
                "occurredAt 2026-01-01T12:00:00.001Z is in the future (more than 48 h ahead of 2025-12-30T12:00:00Z)");
    }

    @Test
    void aConfiguredFutureLimitIsTheLimit() {
        EventValidator validator = new EventValidator(new EngineConfig(Map.of(EngineConfig.VALIDATION_MAX_FUTURE_MS, 0L)));
        accepts(validator, ok().setOccurredAt(NOW).build());
        rejects(validator, ok().setOccurredAt(NOW.plusMillis(1)).build(),
                "occurredAt 2025-12-30T12:00:00.001Z is in the future (more than 0 h ahead of 2025-12-30T12:00:00Z)");
    }

    @Test
    void anEventFrom1900IsAcceptedAndOneMillisecondEarlierRejected() {
        accepts(DEFAULTS, ok().setOccurredAt(Instant.parse("1900-01-01T00:00:00Z")).build());
        rejects(DEFAULTS, ok().setOccurredAt(Instant.parse("1899-12-31T23:59:59.999Z")).build(),
                "occurredAt 1899-12-31T23:59:59.999Z is before 1900: send the time the event happened");
        rejects(DEFAULTS, ok().setOccurredAt(Instant.parse("0001-01-01T00:00:00Z")).build(),
                "occurredAt 0001-01-01T00:00:00Z is before 1900: send the time the event happened");
    }

    @Test
    void amountsFromZeroToTheLimitAreAccepted() {
        accepts(DEFAULTS, ok().setAmountUsd(0L).build());
        accepts(DEFAULTS, ok().setAmountUsd(10_000_000_000_000L).build());
        accepts(DEFAULTS, ok().setAmountUsd(null).build());
        rejects(DEFAULTS, ok().setAmountUsd(-1L).build(), "amountUsd -1 is outside 0..10000000000000 USD");
        rejects(DEFAULTS, ok().setAmountUsd(10_000_000_000_001L).build(), "amountUsd 10000000000001 is outside 0..10000000000000 USD");
    }

    @Test
    void aConfiguredAmountLimitIsTheLimit() {
        EventValidator validator = new EventValidator(new EngineConfig(Map.of(EngineConfig.VALIDATION_MAX_AMOUNT_USD, 1000L)));
        accepts(validator, ok().setAmountUsd(1000L).build());
        rejects(validator, ok().setAmountUsd(1001L).build(), "amountUsd 1001 is outside 0..1000 USD");
    }

    @Test
    void requiredTextMustNotBeBlankAndOptionalTextMayBeMissing() {
        rejects(DEFAULTS, ok().setActor(" ").build(), "actor is missing or blank");
        rejects(DEFAULTS, ok().setHeadline("").build(), "headline is missing or blank");
        accepts(DEFAULTS, ok().setTarget(null).setSource(null).setUrl(null).build());
    }

    @Test
    void longKeysAreClippedInTheReason() {
        MarketEvent event = ok().build();
        String key = "k".repeat(100);
        assertThatThrownBy(() -> DEFAULTS.validate(key, event, NOW.toEpochMilli()))
                .hasMessage("key '" + "k".repeat(61) + "...' differs from the event id 'e': key events by their id");
    }

    private static List<String> strings(int n) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> "v" + i).toList());
    }

    private static Map<String, String> attributes(int n) {
        Map<String, String> m = new HashMap<>();
        IntStream.range(0, n).forEach(i -> m.put("k" + i, "v"));
        return m;
    }
}
