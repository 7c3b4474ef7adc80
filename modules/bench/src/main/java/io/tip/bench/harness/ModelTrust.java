package io.tip.bench.harness;

import java.util.List;

import org.apache.avro.util.ClassSecurityValidator;

import io.tip.model.Entity;
import io.tip.model.EventType;
import io.tip.model.Evidence;
import io.tip.model.FiredSignal;
import io.tip.model.Implication;
import io.tip.model.MarketEvent;
import io.tip.model.Polarity;
import io.tip.model.Signal;
import io.tip.model.Stance;
import io.tip.model.Thesis;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;
import io.tip.model.ThesisStatus;

/**
 * Trusts every generated model class by name. {@code ModelClasses.trust()} passes the package name
 * to {@code ClassSecurityValidator.Builder#add}, which takes class names, so it trusts nothing;
 * without this, building a {@code ThesisState} from a previous one fails on the {@code ThesisStatus}
 * enum and every state update goes to the dead-letter topic. Remove once ModelClasses is fixed.
 */
public final class ModelTrust {
    private static final List<Class<?>> MODEL = List.of(Entity.class, EventType.class, Evidence.class, FiredSignal.class,
            Implication.class, MarketEvent.class, Polarity.class, Signal.class, Stance.class, Thesis.class, ThesisAlert.class,
            ThesisImpact.class, ThesisState.class, ThesisStatus.class);

    private ModelTrust() {
    }

    public static void trustModelClasses() {
        ClassSecurityValidator.Builder trusted = ClassSecurityValidator.builder();
        MODEL.forEach(trusted::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), trusted.build()));
    }
}
