package io.tip.bench;

import java.util.Locale;

import io.tip.bench.harness.LatencyResult;
import io.tip.bench.harness.PhaseResult;

/** What a bench run measured, as a table for people and one JSON line for tools. */
record BenchReport(int theses, long events, int subscriptions, long routedCopies, String guarantee, int partitions, int threads,
                   PhaseResult passthrough, PhaseResult pipeline, LatencyResult latency,
                   long heapPeakUsedMb, long heapLiveMb, long heapLimitMb) {

    double ratio() {
        return pipeline.eventsPerSec() / passthrough.eventsPerSec();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "tip bench: %,d theses, %,d events, %,d subscriptions, %s, %d partitions, %d stream thread(s)%n",
                theses, events, subscriptions, guarantee, partitions, threads));
        out.append(String.format(Locale.ROOT, "%-22s %14s %14s %18s %16s%n", "", "events/s", "impacts/s", "records written/ev", "bytes written/ev"));
        out.append(row(passthrough)).append(row(pipeline));
        out.append(String.format(Locale.ROOT, "%-22s %14.2f%n", "ratio (pipeline/pass)", ratio()));
        if (subscriptions > 0) {
            out.append(String.format(Locale.ROOT, "subscriptions: %,d copies routed to impacts.NAME topics (%.3f per event, all runs of the pipeline)%n",
                    routedCopies, routedCopies / (double) events));
        }
        if (latency != null) {
            out.append(String.format(Locale.ROOT, "e2e latency at %,.0f events/s offered: p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms (%,d impacts)%n",
                    latency.achievedPerSec(), latency.p50(), latency.p99(), latency.p999(), latency.max(), latency.impacts()));
        }
        out.append(String.format(Locale.ROOT, "heap: peak used %d MB, live after GC %d MB, limit %d MB (broker and registry included)%n",
                heapPeakUsedMb, heapLiveMb, heapLimitMb));
        return out.toString();
    }

    private static String row(PhaseResult phase) {
        return String.format(Locale.ROOT, "%-22s %,14.0f %,14.0f %18.2f %,16.0f%n", phase.name(), phase.eventsPerSec(), phase.impactsPerSec(),
                phase.recordsWrittenPerEvent(), phase.bytesWrittenPerEvent());
    }

    String json() {
        return String.format(Locale.ROOT, "{\"theses\":%d,\"events\":%d,\"subscriptions\":%d,\"routedCopies\":%d,\"guarantee\":\"%s\",\"partitions\":%d,\"threads\":%d,"
                        + "\"passthroughEventsPerSec\":%.1f,\"pipelineEventsPerSec\":%.1f,\"ratio\":%.3f,\"impactsPerSec\":%.1f,"
                        + "\"recordsWrittenPerEvent\":%.3f,\"passthroughRecordsWrittenPerEvent\":%.3f,\"bytesWrittenPerEvent\":%.0f,\"passthroughBytesWrittenPerEvent\":%.0f,"
                        + "\"e2eOfferedEventsPerSec\":%s,\"e2eP50Ms\":%s,\"e2eP99Ms\":%s,\"e2eP999Ms\":%s,\"e2eMaxMs\":%s,"
                        + "\"heapMaxMb\":%d,\"heapLiveMb\":%d,\"heapLimitMb\":%d}",
                theses, events, subscriptions, routedCopies, guarantee, partitions, threads,
                passthrough.eventsPerSec(), pipeline.eventsPerSec(), ratio(), pipeline.impactsPerSec(),
                pipeline.recordsWrittenPerEvent(), passthrough.recordsWrittenPerEvent(),
                pipeline.bytesWrittenPerEvent(), passthrough.bytesWrittenPerEvent(),
                latency == null ? "null" : String.format(Locale.ROOT, "%.1f", latency.achievedPerSec()),
                ms(latency == null ? null : latency.p50()), ms(latency == null ? null : latency.p99()),
                ms(latency == null ? null : latency.p999()), ms(latency == null ? null : latency.max()),
                heapPeakUsedMb, heapLiveMb, heapLimitMb);
    }

    private static String ms(Double value) {
        return value == null ? "null" : String.format(Locale.ROOT, "%.1f", value);
    }
}
