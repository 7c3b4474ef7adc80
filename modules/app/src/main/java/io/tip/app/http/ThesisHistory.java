package io.tip.app.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tip.engine.ThesisScore;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.json.AvroJson;

/**
 * What happened to each thesis over time, for the dashboard: its newest impacts by event time (full
 * records, with the score after each) and its status changes. thesis-state keeps only a short summary
 * of the last impacts; this is read from thesis-impacts and thesis-alerts by every instance, so any
 * instance answers for any thesis.
 */
final class ThesisHistory {
    /** Impacts kept per thesis: enough for a year of daily news on one thesis. */
    static final int IMPACTS_KEPT = 200;
    /**
     * Impacts kept in all (the globally oldest by event time go first): an impact with its why text and
     * signals is 1-2 KB on the heap, so this bounds the history near 150 MB even for 10,000 theses.
     */
    static final int TOTAL_IMPACTS_KEPT = 100_000;
    /** Status changes kept per thesis. */
    static final int STATUS_CHANGES_KEPT = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record EventKey(Instant eventTime, String eventId) implements Comparable<EventKey> {
        @Override
        public int compareTo(EventKey other) {
            int byTime = eventTime.compareTo(other.eventTime);
            return byTime != 0 ? byTime : eventId.compareTo(other.eventId);
        }
    }

    private record StatusChange(ThesisAlert alert, Instant recordedAt) {
    }

    private static final class Timeline {
        final TreeMap<EventKey, ThesisImpact> impacts = new TreeMap<>();
        final Deque<StatusChange> changes = new ArrayDeque<>();
        /** Score carried by the impacts no longer kept, so the kept ones still end at the thesis's score. */
        long droppedScoreMicros;
        boolean dropped;
    }

    /** An impact kept, in the order of all kept impacts. */
    private record Kept(EventKey key, String thesisId) implements Comparable<Kept> {
        @Override
        public int compareTo(Kept other) {
            int byEvent = key.compareTo(other.key);
            return byEvent != 0 ? byEvent : thesisId.compareTo(other.thesisId);
        }
    }

    private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
    private final int perThesis;
    private final int total;
    /** Every kept impact, oldest first; guarded by {@code this}. */
    private final TreeSet<Kept> allKept = new TreeSet<>();

    ThesisHistory() {
        this(IMPACTS_KEPT, TOTAL_IMPACTS_KEPT);
    }

    ThesisHistory(int perThesis, int total) {
        this.perThesis = perThesis;
        this.total = total;
    }

    /** One writer (the history feed); the global order is kept under this object's lock, each timeline under its own. */
    synchronized void impact(ThesisImpact impact) {
        Timeline timeline = timelines.computeIfAbsent(impact.getThesisId(), id -> new Timeline());
        EventKey key = new EventKey(impact.getEventTime(), impact.getEventId());
        synchronized (timeline) {
            timeline.impacts.put(key, impact);
        }
        allKept.add(new Kept(key, impact.getThesisId()));
        if (timeline.impacts.size() > perThesis) {
            drop(impact.getThesisId(), timeline, timeline.impacts.firstKey());
        }
        while (allKept.size() > total) {
            Kept oldest = allKept.first();
            drop(oldest.thesisId(), timelines.get(oldest.thesisId()), oldest.key());
        }
    }

    private void drop(String thesisId, Timeline timeline, EventKey key) {
        allKept.remove(new Kept(key, thesisId));
        synchronized (timeline) {
            timeline.droppedScoreMicros += ThesisScore.signedMicros(timeline.impacts.remove(key));
            timeline.dropped = true;
        }
    }

    void alert(ThesisAlert alert, Instant recordedAt) {
        Timeline timeline = timelines.computeIfAbsent(alert.getThesisId(), id -> new Timeline());
        synchronized (timeline) {
            timeline.changes.addLast(new StatusChange(alert, recordedAt));
            if (timeline.changes.size() > STATUS_CHANGES_KEPT) {
                timeline.changes.removeFirst();
            }
        }
    }

    /** The newest impact of a thesis by event time. */
    Optional<ThesisImpact> latest(String thesisId) {
        Timeline timeline = timelines.get(thesisId);
        if (timeline == null) {
            return Optional.empty();
        }
        synchronized (timeline) {
            return timeline.impacts.isEmpty() ? Optional.empty() : Optional.of(timeline.impacts.lastEntry().getValue());
        }
    }

    /** The score after each of the newest {@code points} impacts, oldest first (a sparkline). */
    List<Double> scores(String thesisId, int points) {
        Timeline timeline = timelines.get(thesisId);
        if (timeline == null) {
            return List.of();
        }
        synchronized (timeline) {
            List<Double> scores = new ArrayList<>();
            long score = timeline.droppedScoreMicros;
            for (ThesisImpact impact : timeline.impacts.values()) {
                score += ThesisScore.signedMicros(impact);
                scores.add(ThesisScore.of(score));
            }
            return scores.subList(Math.max(0, scores.size() - points), scores.size());
        }
    }

    /**
     * {@code impacts}: oldest first by event time, each impact's JSON form plus {@code scoreAfter} (the
     * sum of signed magnitudes up to it, as thesis-state scores); {@code statusChanges}: oldest first,
     * with when each was recorded; {@code truncated} when older impacts are no longer kept.
     */
    ObjectNode json(String thesisId) {
        ObjectNode out = JSON.objectNode().put("thesisId", thesisId);
        ArrayNode impacts = out.putArray("impacts");
        ArrayNode changes = out.putArray("statusChanges");
        Timeline timeline = timelines.get(thesisId);
        if (timeline == null) {
            return out.put("truncated", false);
        }
        synchronized (timeline) {
            long score = timeline.droppedScoreMicros;
            for (ThesisImpact impact : timeline.impacts.values()) {
                score += ThesisScore.signedMicros(impact);
                impacts.add(AvroJson.toJson(impact).put("scoreAfter", ThesisScore.of(score)));
            }
            for (StatusChange change : timeline.changes) {
                ThesisAlert alert = change.alert();
                changes.addObject().put("recordedAt", change.recordedAt().toString())
                        .put("previousStatus", alert.getPreviousStatus().name()).put("status", alert.getStatus().name())
                        .put("score", alert.getScore()).put("causeEventId", alert.getCause().getEventId())
                        .put("causeHeadline", alert.getCause().getEventHeadline())
                        .put("causeStance", alert.getCause().getStance().name());
            }
            return out.put("truncated", timeline.dropped);
        }
    }
}
