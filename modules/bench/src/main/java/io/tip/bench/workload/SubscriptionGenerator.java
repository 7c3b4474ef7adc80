package io.tip.bench.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tip.model.Stance;
import io.tip.model.Subscription;

/**
 * Analysts' subscriptions over the synthetic vault, deterministic for a seed: half follow one
 * thesis, half a sector tag (five theses); one in four takes only direct impacts, one in four only
 * CHALLENGES — so routing has to look each impact's thesis and tags up, as it would in production.
 */
public final class SubscriptionGenerator {
    private final long seed;

    public SubscriptionGenerator(long seed) {
        this.seed = seed;
    }

    public List<Subscription> generate(int count, int theses) {
        Random random = new Random(seed);
        List<Subscription> subscriptions = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Subscription.Builder s = Subscription.newBuilder().setName(name(k)).setCreatedAt(Instant.EPOCH);
            if (k % 2 == 0) {
                s.setTheses(List.of(VaultShape.thesisId(random.nextInt(theses))));
            } else {
                s.setTags(List.of(VaultShape.sectorTag(random.nextInt(Math.max(1, VaultShape.fullSectors(theses))))));
            }
            if (k % 4 == 1) {
                s.setMaxOrder(1);
            }
            if (k % 4 == 3) {
                s.setStances(List.of(Stance.CHALLENGES));
            }
            subscriptions.add(s.build());
        }
        return subscriptions;
    }

    public static String name(int k) {
        return "bench-" + k;
    }
}
