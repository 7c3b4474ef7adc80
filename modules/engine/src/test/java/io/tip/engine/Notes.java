package io.tip.engine;

import java.util.ArrayList;
import java.util.List;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;

/** Small builders for the table records the topology joins against. */
final class Notes {
    private Notes() {
    }

    static ThesisBuilder thesis(String id) {
        return new ThesisBuilder(id);
    }

    static Entity entity(String name, List<String> aliases, List<String> tags) {
        return Entity.newBuilder().setId(name.toLowerCase()).setName(name).setAliases(aliases).setTags(tags).build();
    }

    static Implication implication(String from, String to, Polarity polarity) {
        return implication(from, to, polarity, 1.0);
    }

    static Implication implication(String from, String to, Polarity polarity, double weight) {
        return Implication.newBuilder().setId(from + "--" + to).setFromThesis(from).setTo(to).setToName(to)
                .setPolarity(polarity).setWeight(weight).setStatements(List.of(from + " bears on " + to)).build();
    }

    static final class ThesisBuilder {
        private final String id;
        private final List<Signal> signals = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private String version = "v1";

        ThesisBuilder(String id) {
            this.id = id;
        }

        ThesisBuilder signal(Stance stance, String rule, String why) {
            return signal(stance, rule, why, 1.0);
        }

        ThesisBuilder signal(Stance stance, String rule, String why, double weight) {
            signals.add(Signal.newBuilder().setStance(stance).setRule(rule).setWhy(why).setWeight(weight)
                    .setLine(10 + signals.size()).build());
            return this;
        }

        ThesisBuilder links(String... names) {
            links.addAll(List.of(names));
            return this;
        }

        ThesisBuilder tags(String... names) {
            tags.addAll(List.of(names));
            return this;
        }

        ThesisBuilder version(String v) {
            this.version = v;
            return this;
        }

        Thesis build() {
            return Thesis.newBuilder().setId(id).setTitle(title(id)).setSignals(signals).setEntities(links).setTags(tags)
                    .setSourcePath(title(id) + ".md").setVersion(version).build();
        }

        private static String title(String id) {
            String t = id.replace('-', ' ');
            return Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
    }
}
