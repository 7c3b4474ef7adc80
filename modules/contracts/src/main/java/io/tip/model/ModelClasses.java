package io.tip.model;

import java.lang.invoke.MethodHandles;
import java.util.List;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes outside a short trusted list, and the generated builders load
 * our record classes to copy defaults. This trusts tip's own generated classes — and nothing else —
 * once per JVM, so no deployment has to set {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 *
 * <p>It also initializes the generated record classes on the calling thread (the one that first
 * builds {@code Topics}: {@code main} in every command). Each holds a static {@code READER$}, an Avro
 * {@code SpecificDatumReader}, which keeps a reference to the thread that created it. Created on a
 * stream thread, the first record use there, it kept that thread reachable after it ended, and with
 * it the thread's tasks, processors and producer buffers: a pipeline closed and started again in one
 * JVM (the bench's runs, a replaced stream thread) kept the old one's memory, 410 MB at 100,000 theses.
 */
public final class ModelClasses {
    /** Trusts the classes generated into this package, and nothing else. */
    static final ClassSecurityValidator.ClassSecurityPredicate GENERATED_HERE =
            type -> type.getPackageName().equals(ModelClasses.class.getPackageName()) && type != ModelClasses.class;

    private static volatile boolean trusted;

    private static final List<Class<?>> RECORDS = List.of(Entity.class, Evidence.class, FiredSignal.class, ImpactSummary.class,
            Implication.class, MarketEvent.class, Signal.class, Subscription.class, Thesis.class, ThesisAlert.class,
            ThesisImpact.class, ThesisState.class);

    private ModelClasses() {
    }

    public static void trust() {
        if (trusted) {
            return;
        }
        synchronized (ModelClasses.class) {
            if (!trusted) {
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), GENERATED_HERE));
                initializeRecords();
                trusted = true;
            }
        }
    }

    private static void initializeRecords() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> record : RECORDS) {
            try {
                lookup.ensureInitialized(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot initialize " + record.getName(), e);
            }
        }
    }
}
