package io.tip.engine.internal.dedupe;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a valid event goes, decided the same way by the topology and by offline evaluation
 * ({@code tip test}, {@code tip backtest}). Only events that move a thesis are deduplicated: an
 * event that moves nothing emits nothing either way, so remembering its id would only cost space.
 * A re-sent id seen within the retention either side of the record's time emits nothing, which is
 * what keeps the impacts free of duplicates.
 */
public final class EventDedupe {

    /** What happens to a valid event. */
    public enum Route {
        /** No thesis moved: forwarded to the unmatched topic. */
        UNMATCHED,
        /** Moved theses, but its id was seen within the retention: its impacts went out the first time. */
        DUPLICATE,
        /** Moved theses for the first time: its impacts go out, then it is marked seen. */
        MATCHED
    }

    /** The ids of events whose impacts were sent, with the record time each was sent at. */
    public interface SeenEvents {
        /** True when {@code eventId} was marked at a time within {@code fromMs..toMs} (inclusive). */
        boolean seenBetween(String eventId, long fromMs, long toMs);

        void mark(String eventId, long timeMs);
    }

    private final long retentionMs;
    private final SeenEvents seen;

    public EventDedupe(long retentionMs, SeenEvents seen) {
        this.retentionMs = retentionMs;
        this.seen = seen;
    }

    public Route route(String eventId, boolean movesAny, long recordTimeMs) {
        if (!movesAny) {
            return Route.UNMATCHED;
        }
        return seen.seenBetween(eventId, recordTimeMs - retentionMs, recordTimeMs + retentionMs) ? Route.DUPLICATE : Route.MATCHED;
    }

    /**
     * Call once a MATCHED event's impacts are sent, not before: under exactly-once both commit
     * together; under at-least-once a crash between the two then repeats impacts instead of losing them.
     */
    public void sent(String eventId, long recordTimeMs) {
        seen.mark(eventId, recordTimeMs);
    }

    /**
     * Seen events in memory, for one offline run. An id is almost always sent once, so one time is
     * kept per id and a second only when the same id is sent again outside the retention.
     */
    public static SeenEvents inMemory() {
        return new SeenEvents() {
            private final Map<String, long[]> times = new HashMap<>();

            @Override
            public boolean seenBetween(String eventId, long fromMs, long toMs) {
                long[] marked = times.get(eventId);
                if (marked != null) {
                    for (long t : marked) {
                        if (t >= fromMs && t <= toMs) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public void mark(String eventId, long timeMs) {
                times.merge(eventId, new long[] {timeMs}, (old, added) -> {
                    long[] both = java.util.Arrays.copyOf(old, old.length + 1);
                    both[old.length] = added[0];
                    return both;
                });
            }
        };
    }
}
