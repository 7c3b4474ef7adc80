package io.tip.model;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes outside a short trusted list, and the generated builders load
 * our record classes to copy defaults. This trusts tip's own generated classes — and nothing else —
 * once per JVM, so no deployment has to set {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 */
public final class ModelClasses {
    /** Trusts the classes generated into this package, and nothing else. */
    static final ClassSecurityValidator.ClassSecurityPredicate GENERATED_HERE =
            type -> type.getPackageName().equals(ModelClasses.class.getPackageName()) && type != ModelClasses.class;

    private static volatile boolean trusted;

    private ModelClasses() {
    }

    public static void trust() {
        if (trusted) {
            return;
        }
        synchronized (ModelClasses.class) {
            if (!trusted) {
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), GENERATED_HERE));
                trusted = true;
            }
        }
    }
}
