package io.tip.bench.harness;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import io.tip.bench.workload.SyntheticVault;
import io.tip.engine.EngineConfig;
import io.tip.engine.EventHistory;
import io.tip.engine.OfflineEvaluator;
import io.tip.model.MarketEvent;

/**
 * The replay of {@code tip backtest}: every event read back from market-events by the same
 * {@link EventHistory} and evaluated by the same {@link OfflineEvaluator}. Measured twice: the
 * whole replay (consume, deserialize, evaluate), and evaluation alone over the same events held in
 * memory, which says whether a replay is bound by consuming or by the pipeline's logic.
 */
public final class ReplayPhase {

    /** Events per second of the whole replay and of evaluation alone, and the impacts found. */
    public record Result(long events, long impacts, long undeserializable, double replaySeconds, double replayCpuSeconds,
                         double evaluateSeconds, double evaluateCpuSeconds) {
        public double replayPerSec() {
            return events / replaySeconds;
        }

        public double evaluatePerSec() {
            return events / evaluateSeconds;
        }

        public String table() {
            return String.format(Locale.ROOT, "%-32s %12s %10s %8s %13s %13s%n", "", "events", "impacts", "wall s", "events/s", "per CPU-s")
                    + String.format(Locale.ROOT, "%-32s %,12d %,10d %8.1f %,13.0f %,13.0f%n", "replay (tip backtest's path)",
                    events, impacts, replaySeconds, replayPerSec(), events / replayCpuSeconds)
                    + String.format(Locale.ROOT, "%-32s %,12d %,10d %8.1f %,13.0f %,13.0f%n", "evaluation alone (in memory)",
                    events, impacts, evaluateSeconds, evaluatePerSec(), events / evaluateCpuSeconds)
                    + "(per CPU-s: events per second of the whole process's CPU time: reading, evaluating, and the in-process broker serving the fetches)\n";
        }

        public String json() {
            return String.format(Locale.ROOT, "{\"replay\":{\"events\":%d,\"impacts\":%d,\"undeserializable\":%d,\"seconds\":%.3f,\"eventsPerSec\":%.0f,"
                    + "\"eventsPerCpuSec\":%.0f,\"evaluateSeconds\":%.3f,\"evaluateEventsPerSec\":%.0f,\"evaluateEventsPerCpuSec\":%.0f}}",
                    events, impacts, undeserializable, replaySeconds, replayPerSec(), events / replayCpuSeconds, evaluateSeconds,
                    evaluatePerSec(), events / evaluateCpuSeconds);
        }
    }

    private final BenchStack stack;
    private final Reporter reporter;

    public ReplayPhase(BenchStack stack, Reporter reporter) {
        this.stack = stack;
        this.reporter = reporter;
    }

    /** Replays market-events as loaded; {@code events} supplies the same events again for evaluation alone. */
    public Result run(SyntheticVault vault, long count, Supplier<MarketEvent> events) {
        EngineConfig config = new EngineConfig(Map.of());
        OfflineEvaluator replaying = new OfflineEvaluator(config, vault.theses(), vault.implications(), vault.entities());
        long[] read = {0, 0};
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        long undeserializable;
        try (EventHistory history = new EventHistory(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                stack.topics().marketEvents(), null, null)) {
            reporter.progress(String.format(Locale.ROOT, "replaying %,d records of market-events", history.total()));
            history.read((key, event, timestamp) -> {
                read[0]++;
                read[1] += replaying.evaluate(key, event, timestamp).steps().size();
            });
            undeserializable = history.undeserializable();
        }
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        double replayCpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;

        reporter.progress("evaluating the same events in memory");
        // Generated in chunks outside the clock, so neither generation nor a million events held at once is measured.
        MarketEvent[] chunk = new MarketEvent[(int) Math.min(count, 100_000)];
        OfflineEvaluator alone = new OfflineEvaluator(config, vault.theses(), vault.implications(), vault.entities());
        long now = System.currentTimeMillis();
        long impacts = 0;
        long evaluateNanos = 0;
        long evaluateCpuNanos = 0;
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(chunk.length, count - done);
            for (int i = 0; i < n; i++) {
                chunk[i] = events.get();
            }
            long chunkStart = System.nanoTime();
            long chunkCpu = ProcessCpu.nanos();
            for (int i = 0; i < n; i++) {
                impacts += alone.evaluate(chunk[i].getId(), chunk[i], now).steps().size();
            }
            evaluateNanos += System.nanoTime() - chunkStart;
            evaluateCpuNanos += ProcessCpu.nanos() - chunkCpu;
            done += n;
        }
        double evaluateSeconds = evaluateNanos / 1e9;
        if (impacts != read[1]) {
            reporter.progress("note: replay found " + read[1] + " impacts, evaluation alone " + impacts
                    + " (re-sent events are deduplicated by record time, which differs between the two)");
        }
        return new Result(read[0], read[1], undeserializable, replaySeconds, replayCpuSeconds, evaluateSeconds, evaluateCpuNanos / 1e9);
    }
}
