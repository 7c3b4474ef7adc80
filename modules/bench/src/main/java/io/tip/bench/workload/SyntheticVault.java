package io.tip.bench.workload;

import java.util.List;

import io.tip.model.Entity;
import io.tip.model.Implication;
import io.tip.model.Thesis;

/** The records a generated vault loads into the three tables. */
public record SyntheticVault(List<Entity> entities, List<Thesis> theses, List<Implication> implications) {
}
