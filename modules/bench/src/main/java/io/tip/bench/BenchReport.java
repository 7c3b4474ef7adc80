package io.tip.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.tip.bench.harness.LatencyResult;
import io.tip.bench.harness.PhaseResult;

/** What a bench run measured, as a table for people and one JSON line for tools. */
record BenchReport(int theses, long events, int subscriptions, long routedCopies, String guarantee, int partitions, int threads,
                   Map<String, String> pipelineSettings, PhaseResult passthrough, PhaseResult pipeline, LatencyResult latency,
                   long heapPeakUsedMb, long heapLiveMb, long heapLimitMb, String load) {

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them: every figure is printed with the machine's load. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    double ratio() {
        return pipeline.eventsPerSec() / passthrough.eventsPerSec();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(header());
        out.append(String.format(Locale.ROOT, "%-22s %14s %14s %14s %18s %16s%n", "", "events/s", "events/CPU-s", "impacts/s",
                "records written/ev", "bytes written/ev"));
        out.append(row(passthrough)).append(row(pipeline));
        out.append(String.format(Locale.ROOT, "%-22s %14.2f%n", "ratio (pipeline/pass)", ratio()));
        if (subscriptions > 0) {
            out.append(String.format(Locale.ROOT, "subscriptions: %,d copies routed to impacts.NAME topics (%.3f per event, all runs of the pipeline)%n",
                    routedCopies, routedCopies / (double) events));
        }
        if (latency != null) {
            out.append(String.format(Locale.ROOT, "e2e latency at %,.0f events/s offered: p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms "
                            + "(%.1f s into the window) (%,d impacts); GC: %d pauses, %d ms in all%n",
                    latency.achievedPerSec(), latency.p50(), latency.p99(), latency.p999(), latency.max(), latency.maxAtSecond(),
                    latency.impacts(), latency.gcPauses(), latency.gcPauseMs()));
        }
        out.append(String.format(Locale.ROOT, "heap: peak used %d MB, live after GC %d MB, limit %d MB (broker and registry included)%n",
                heapPeakUsedMb, heapLiveMb, heapLimitMb));
        out.append("events/CPU-s: events per second of the whole process's CPU time (application, broker, GC, JIT) while measured\n");
        out.append("load average (1, 5, 15 min) at start -> end: ").append(load).append('\n');
        return out.toString();
    }

    private String header() {
        return String.format(Locale.ROOT, "tip bench: %,d theses, %,d events, %,d subscriptions, %s, %d partitions, %d stream thread(s)%s%n",
                theses, events, subscriptions, guarantee, partitions, threads,
                pipelineSettings.isEmpty() ? "" : ", pipeline settings " + pipelineSettings);
    }

    private static String row(PhaseResult phase) {
        return String.format(Locale.ROOT, "%-22s %,14.0f %,14.0f %,14.0f %18.2f %,16.0f%n", phase.name(), phase.eventsPerSec(),
                phase.eventsPerCpuSecond(), phase.impactsPerSec(),
                phase.recordsWrittenPerEvent(), phase.bytesWrittenPerEvent());
    }

    String json() {
        return String.format(Locale.ROOT, "{\"theses\":%d,\"events\":%d,\"subscriptions\":%d,\"routedCopies\":%d,\"guarantee\":\"%s\",\"partitions\":%d,\"threads\":%d,"
                        + "\"passthroughEventsPerSec\":%.1f,\"pipelineEventsPerSec\":%.1f,\"ratio\":%.3f,\"impactsPerSec\":%.1f,"
                        + "\"passthroughEventsPerCpuSec\":%.1f,\"pipelineEventsPerCpuSec\":%.1f,"
                        + "\"recordsWrittenPerEvent\":%.3f,\"passthroughRecordsWrittenPerEvent\":%.3f,\"bytesWrittenPerEvent\":%.0f,\"passthroughBytesWrittenPerEvent\":%.0f,"
                        + "\"e2eOfferedEventsPerSec\":%s,\"e2eP50Ms\":%s,\"e2eP99Ms\":%s,\"e2eP999Ms\":%s,\"e2eMaxMs\":%s,\"e2eGcPauses\":%s,\"e2eGcPauseMs\":%s,"
                        + "\"heapMaxMb\":%d,\"heapLiveMb\":%d,\"heapLimitMb\":%d,\"settings\":%s,\"load\":\"%s\"}",
                theses, events, subscriptions, routedCopies, guarantee, partitions, threads,
                passthrough.eventsPerSec(), pipeline.eventsPerSec(), ratio(), pipeline.impactsPerSec(),
                passthrough.eventsPerCpuSecond(), pipeline.eventsPerCpuSecond(),
                pipeline.recordsWrittenPerEvent(), passthrough.recordsWrittenPerEvent(),
                pipeline.bytesWrittenPerEvent(), passthrough.bytesWrittenPerEvent(),
                latency == null ? "null" : String.format(Locale.ROOT, "%.1f", latency.achievedPerSec()),
                ms(latency == null ? null : latency.p50()), ms(latency == null ? null : latency.p99()),
                ms(latency == null ? null : latency.p999()), ms(latency == null ? null : latency.max()),
                latency == null ? "null" : Long.toString(latency.gcPauses()), latency == null ? "null" : Long.toString(latency.gcPauseMs()),
                heapPeakUsedMb, heapLiveMb, heapLimitMb, jsonObject(pipelineSettings), load);
    }

    private static String jsonObject(Map<String, String> settings) {
        StringBuilder out = new StringBuilder("{");
        settings.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return out.append('}').toString();
    }

    /**
     * Several independent runs of the same case: the median of each figure and its spread, because
     * a single run on this machine swings by ±15 % or more (BENCHMARKS.md).
     */
    record Summary(List<BenchReport> runs) {
        static Summary of(List<BenchReport> runs) {
            return new Summary(List.copyOf(runs));
        }

        String table() {
            StringBuilder out = new StringBuilder(runs.get(0).header());
            out.append(String.format(Locale.ROOT, "%d runs: median (min – max)%n", runs.size()));
            out.append(line("passthrough events/s", r -> r.passthrough().eventsPerSec(), "%,.0f"));
            out.append(line("pipeline events/s", r -> r.pipeline().eventsPerSec(), "%,.0f"));
            out.append(line("ratio (pipeline/pass)", BenchReport::ratio, "%.2f"));
            out.append(line("passthrough ev/CPU-s", r -> r.passthrough().eventsPerCpuSecond(), "%,.0f"));
            out.append(line("pipeline ev/CPU-s", r -> r.pipeline().eventsPerCpuSecond(), "%,.0f"));
            out.append(line("records written/ev", r -> r.pipeline().recordsWrittenPerEvent(), "%.2f"));
            out.append(line("bytes written/ev", r -> r.pipeline().bytesWrittenPerEvent(), "%,.0f"));
            if (runs.get(0).latency() != null) {
                out.append(line("e2e p50 ms", r -> r.latency().p50(), "%.0f"));
                out.append(line("e2e p99 ms", r -> r.latency().p99(), "%.0f"));
                out.append(line("e2e p99.9 ms", r -> r.latency().p999(), "%.0f"));
                out.append(line("e2e max ms", r -> r.latency().max(), "%.0f"));
            }
            out.append(line("heap live MB", r -> r.heapLiveMb(), "%.0f"));
            out.append("load average per run: ");
            runs.forEach(r -> out.append('[').append(r.load()).append("] "));
            return out.append('\n').toString();
        }

        /** The single-run JSON fields holding the medians, plus the spread and every run. */
        String json() {
            BenchReport first = runs.get(0);
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "{\"theses\":%d,\"events\":%d,\"subscriptions\":%d,\"guarantee\":\"%s\",\"partitions\":%d,\"threads\":%d,\"runs\":%d,"
                            + "\"settings\":%s,\"passthroughEventsPerSec\":%.1f,\"pipelineEventsPerSec\":%.1f,\"ratio\":%.3f,"
                            + "\"ratioMin\":%.3f,\"ratioMax\":%.3f,\"passthroughEventsPerCpuSec\":%.1f,\"pipelineEventsPerCpuSec\":%.1f,"
                            + "\"recordsWrittenPerEvent\":%.3f,\"bytesWrittenPerEvent\":%.0f",
                    first.theses(), first.events(), first.subscriptions(), first.guarantee(), first.partitions(), first.threads(), runs.size(),
                    jsonObject(first.pipelineSettings()), median(r -> r.passthrough().eventsPerSec()), median(r -> r.pipeline().eventsPerSec()),
                    median(BenchReport::ratio), min(BenchReport::ratio), max(BenchReport::ratio),
                    median(r -> r.passthrough().eventsPerCpuSecond()), median(r -> r.pipeline().eventsPerCpuSecond()),
                    median(r -> r.pipeline().recordsWrittenPerEvent()), median(r -> r.pipeline().bytesWrittenPerEvent())));
            if (first.latency() != null) {
                out.append(String.format(Locale.ROOT, ",\"e2eP50Ms\":%.1f,\"e2eP99Ms\":%.1f,\"e2eP99Min\":%.1f,\"e2eP99Max\":%.1f,\"e2eP999Ms\":%.1f",
                        median(r -> r.latency().p50()), median(r -> r.latency().p99()), min(r -> r.latency().p99()),
                        max(r -> r.latency().p99()), median(r -> r.latency().p999())));
            }
            out.append(",\"each\":[");
            for (int i = 0; i < runs.size(); i++) {
                out.append(i > 0 ? "," : "").append(runs.get(i).json());
            }
            return out.append("]}").toString();
        }

        private String line(String name, ToDoubleFunction<BenchReport> figure, String format) {
            return String.format(Locale.ROOT, "%-22s " + format + " (" + format + " – " + format + ")%n", name,
                    median(figure), min(figure), max(figure));
        }

        private double median(ToDoubleFunction<BenchReport> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            int mid = values.length / 2;
            return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }

        private double min(ToDoubleFunction<BenchReport> figure) {
            return runs.stream().mapToDouble(figure).min().orElseThrow();
        }

        private double max(ToDoubleFunction<BenchReport> figure) {
            return runs.stream().mapToDouble(figure).max().orElseThrow();
        }
    }

    private static String ms(Double value) {
        return value == null ? "null" : String.format(Locale.ROOT, "%.1f", value);
    }
}
