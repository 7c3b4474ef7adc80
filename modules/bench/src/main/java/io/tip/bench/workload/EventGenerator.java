package io.tip.bench.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.tip.model.EventType;
import io.tip.model.MarketEvent;

/**
 * A stream of market events against a {@link VaultGenerator} vault of the same size, deterministic
 * for a seed. Matching events name a thesis's company (by any of its names, in any case) with the
 * type it watches; fan-out events name a sector's group, which five theses watch; the rest name
 * companies no thesis knows. A re-send repeats an earlier event exactly, id included.
 */
public final class EventGenerator {
    private static final int RESEND_WINDOW = 1_000;
    private static final long BILLION = 1_000_000_000L;

    private final int theses;
    private final EventMix mix;
    private final String idPrefix;
    private final Instant occurredAt;
    private final Random random;
    private final List<MarketEvent> recent = new ArrayList<>(RESEND_WINDOW);
    private long sequence;

    /**
     * @param idPrefix   makes ids of separate streams distinct (the throughput and the latency run)
     * @param occurredAt event time of every event; validation wants it in the past
     */
    public EventGenerator(int theses, EventMix mix, long seed, String idPrefix, Instant occurredAt) {
        if (theses < VaultShape.SECTOR_SIZE) {
            throw new IllegalArgumentException("the vault needs at least " + VaultShape.SECTOR_SIZE + " theses, got " + theses);
        }
        this.theses = theses;
        this.mix = mix;
        this.idPrefix = idPrefix;
        this.occurredAt = occurredAt;
        this.random = new Random(seed);
    }

    public MarketEvent next() {
        if (!recent.isEmpty() && random.nextDouble() < mix.resendRate()) {
            return recent.get(random.nextInt(recent.size()));
        }
        double kind = random.nextDouble();
        MarketEvent event = kind < mix.fanOutRate() ? fanOut() : kind < mix.matchRate() ? focused() : unmatched();
        if (recent.size() == RESEND_WINDOW) {
            recent.set(random.nextInt(RESEND_WINDOW), event);
        } else {
            recent.add(event);
        }
        return event;
    }

    /** Moves thesis i (and what it implies): its company, the type it watches. */
    private MarketEvent focused() {
        int i = random.nextInt(theses);
        List<String> names = new ArrayList<>(VaultShape.firmAliases(i));
        names.add(VaultShape.firm(i));
        String target = names.get(random.nextInt(names.size()));
        target = random.nextBoolean() ? target.toUpperCase(Locale.ROOT) : target;
        Long amount = random.nextInt(3) == 0 ? (1 + random.nextInt(20)) * BILLION : null;
        return event(VaultShape.watchedType(i), megacap(), target, amount, List.of("bench"),
                megacap() + " and " + target + ": a deal that matters");
    }

    /** Moves the five theses of one sector. */
    private MarketEvent fanOut() {
        int sector = random.nextInt(VaultShape.fullSectors(theses));
        String target = random.nextBoolean() ? VaultShape.group(sector) : "G" + sector;
        return event(anyType(), megacap(), target, null, List.of("bench"), "Sector news about " + target);
    }

    /** Names nobody watches, so nothing fires. */
    private MarketEvent unmatched() {
        String actor = "Startup " + random.nextInt(1_000_000);
        String target = random.nextBoolean() ? "Vendor " + random.nextInt(1_000_000) : null;
        Long amount = random.nextBoolean() ? (long) random.nextInt(500) * 1_000_000L : null;
        return event(anyType(), actor, target, amount, List.of("noise"), actor + " does something nobody here follows");
    }

    private MarketEvent event(EventType type, String actor, String target, Long amount, List<String> tags, String headline) {
        return MarketEvent.newBuilder()
                .setId(idPrefix + "-" + sequence++)
                .setType(type)
                .setActor(actor)
                .setTarget(target)
                .setProducts(List.of("product-" + random.nextInt(100)))
                .setAmountUsd(amount)
                .setOccurredAt(occurredAt)
                .setReportedAt(occurredAt)
                .setHeadline(headline)
                .setSource("bench")
                .setUrl(null)
                .setTags(tags)
                .setAttributes(Map.of("region", "us"))
                .build();
    }

    private String megacap() {
        return VaultShape.megacap(random.nextInt(VaultShape.MEGACAPS));
    }

    private EventType anyType() {
        return VaultShape.TYPES.get(random.nextInt(VaultShape.TYPES.size()));
    }
}
