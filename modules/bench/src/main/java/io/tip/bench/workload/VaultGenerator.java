package io.tip.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tip.model.Entity;
import io.tip.model.Evidence;
import io.tip.model.Implication;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;

/**
 * A synthetic vault of N theses, deterministic for a seed. Signals use every kind of term the
 * engine indexes (type, entity, tag) plus unanchored ones (amount); entities have aliases;
 * implications form chains of four with some closed into cycles and some pointing at plain topics.
 * One thesis in twenty has no signals and is moved through the entities it links.
 */
public final class VaultGenerator {
    private static final Polarity[] POLARITIES = {Polarity.SAME, Polarity.INVERSE, Polarity.REVIEW};

    private final long seed;

    public VaultGenerator(long seed) {
        this.seed = seed;
    }

    public SyntheticVault generate(int theses) {
        Random random = new Random(seed);
        List<Entity> entities = new ArrayList<>();
        List<Thesis> thesisList = new ArrayList<>(theses);
        List<Implication> implications = new ArrayList<>();
        for (int i = 0; i < theses; i++) {
            entities.add(entity("firm-" + i, VaultShape.firm(i), VaultShape.firmAliases(i), List.of(VaultShape.focusTag(i), "company")));
            thesisList.add(thesis(i, random));
            implications.addAll(implicationsFrom(i, theses));
        }
        for (int s = 0; s < (theses + VaultShape.SECTOR_SIZE - 1) / VaultShape.SECTOR_SIZE; s++) {
            entities.add(entity("group-" + s, VaultShape.group(s), List.of("G" + s), List.of(VaultShape.sectorTag(s))));
        }
        for (int m = 0; m < VaultShape.MEGACAPS; m++) {
            entities.add(entity("mega-" + m, VaultShape.megacap(m), List.of("M" + m), List.of("megacap")));
        }
        return new SyntheticVault(entities, thesisList, implications);
    }

    private static Entity entity(String id, String name, List<String> aliases, List<String> tags) {
        return Entity.newBuilder().setId(id).setName(name).setAliases(aliases).setTags(tags).setKind("company")
                .setSourcePath("bench/" + id + ".md").setSourceLine(1).build();
    }

    private static Thesis thesis(int i, Random random) {
        int sector = VaultShape.sectorOf(i);
        List<Signal> signals = new ArrayList<>();
        List<String> linked = new ArrayList<>(List.of(VaultShape.firm(i)));
        if (i % 20 == 19) {
            linked.add(VaultShape.group(sector)); // no signals: moved by what it links
        } else {
            Stance stance = i % 2 == 0 ? Stance.SUPPORTS : Stance.CHALLENGES;
            double weight = 0.4 + random.nextInt(7) / 10.0;
            signals.add(signal(stance, "type=" + VaultShape.watchedType(i).name().toLowerCase() + " and target.tag=" + VaultShape.focusTag(i),
                    "the thesis's own company moved", weight, 10));
            signals.add(signal(Stance.SUPPORTS, "tag=" + VaultShape.sectorTag(sector), "its sector moved", 0.5, 11));
            if (i % 10 == 3) { // disagrees with the first signal on large deals: the impact becomes REVIEW
                signals.add(signal(opposite(stance), "target=\"" + VaultShape.firmAliases(i).get(1) + "\" and amount>=1B",
                        "a large deal cuts the other way", 0.9, 12));
            }
        }
        return Thesis.newBuilder()
                .setId(VaultShape.thesisId(i))
                .setTitle("Thesis " + i + ": " + VaultShape.firm(i) + " compounds in sector " + sector)
                .setSummary("Synthetic thesis " + i + " for the benchmark.")
                .setTags(List.of("bench", VaultShape.sectorTag(sector)))
                .setEntities(linked)
                .setSignals(signals)
                .setEvidence(List.of(Evidence.newBuilder().setCompany(VaultShape.firm(i)).setAction("ships").setDate("2025-01-01").setStance(null).build()))
                .setCounterArguments(List.of("It may not."))
                .setRelated(List.of())
                .setUpdated("2025-01-01")
                .setSourcePath("bench/" + VaultShape.thesisId(i) + ".md")
                .setSourceLine(1)
                .setVersion("v1")
                .build();
    }

    private static Signal signal(Stance stance, String rule, String why, double weight, int line) {
        return Signal.newBuilder().setStance(stance).setRule(rule).setWhy(why).setWeight(weight).setLine(line).build();
    }

    /** Chains 4k→4k+1→4k+2→4k+3; one chain in eight closed into a cycle; one thesis in ten also implies a plain topic. */
    private static List<Implication> implicationsFrom(int i, int theses) {
        List<Implication> out = new ArrayList<>(2);
        if (i % 4 != 3 && i + 1 < theses) {
            out.add(implication(i, VaultShape.thesisId(i + 1), "Thesis " + (i + 1), POLARITIES[i % 3]));
        }
        if (i % 32 == 3) {
            out.add(implication(i, VaultShape.thesisId(i - 3), "Thesis " + (i - 3), Polarity.SAME));
        }
        if (i % 10 == 0) {
            out.add(implication(i, "chip-design", "chip design", Polarity.SAME));
        }
        return out;
    }

    private static Implication implication(int from, String to, String toName, Polarity polarity) {
        return Implication.newBuilder().setId(VaultShape.thesisId(from) + "->" + to).setFromThesis(VaultShape.thesisId(from))
                .setTo(to).setToName(toName).setPolarity(polarity).setStatements(List.of("what holds for one holds for the next"))
                .setWeight(0.8).setSourcePath("bench/" + VaultShape.thesisId(from) + ".md").setSourceLine(20).build();
    }

    private static Stance opposite(Stance stance) {
        return stance == Stance.SUPPORTS ? Stance.CHALLENGES : Stance.SUPPORTS;
    }
}
