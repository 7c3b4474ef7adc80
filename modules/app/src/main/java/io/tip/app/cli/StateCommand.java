package io.tip.app.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.TableReader;
import io.tip.model.ThesisState;
import io.tip.model.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Show the current state of one thesis, or of all of them (read from the thesis-state table).",
        footer = {"", "Examples:", "  tip state", "  tip state training-inference-convergence"})
public final class StateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A thesis id (its slug); all theses when left out.")
    String thesisId;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        KafkaCluster.requireReachable(settings.kafka());
        Map<String, ThesisState> states = TableReader.read(settings.kafka(), topics.state());
        if (thesisId == null) {
            if (states.isEmpty()) {
                System.out.println("no thesis has been impacted yet");
            }
            states.values().forEach(s -> System.out.println(summary(s)));
            return 0;
        }
        ThesisState state = states.get(thesisId);
        if (state == null) {
            throw new UserError("no state for thesis '" + thesisId + "': it has had no impact yet, or the id is wrong "
                    + "(`tip state` lists every impacted thesis)");
        }
        System.out.println(summary(state));
        state.getLastImpacts().forEach(i -> System.out.printf(Locale.ROOT, "  %s  %-10s %.2f  order %d  event %s%n",
                i.getEventTime().toString().substring(0, 10), i.getStance(), i.getMagnitude(), i.getOrder(), i.getEventId()));
        return 0;
    }

    static String summary(ThesisState s) {
        return String.format(Locale.ROOT, "%-40s %-13s score %+.2f  (%d supporting, %d challenging, %d to review)",
                s.getThesisId(), s.getStatus(), s.getScore(), s.getSupports(), s.getChallenges(), s.getReviews());
    }
}
