package io.tip.registry.serde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Finds the generated class a schema names. Avro 1.12 refuses to load classes outside a short
 * trusted list unless {@code org.apache.avro.SERIALIZABLE_PACKAGES} is set, which would make every
 * deployment of the pipeline configure it. A class that implements Avro's generated-code interfaces
 * is exactly what a schema is meant to name, so those are trusted here; anything else goes through
 * Avro's own check. Logical-type conversions of the loaded classes are added, as their MODEL$ has them.
 */
final class GeneratedClasses extends SpecificData {
    private final Map<String, Optional<Class<?>>> classesByName = new ConcurrentHashMap<>();

    GeneratedClasses(ClassLoader loader) {
        super(loader);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> classesByName.computeIfAbsent(schema.getFullName(), name -> find(schema)).orElse(null);
            default -> super.getClass(schema);
        };
    }

    private Optional<Class<?>> find(Schema schema) {
        try {
            Class<?> type = Class.forName(getClassName(schema), false, getClassLoader());
            if (isGenerated(type)) {
                for (Conversion<?> conversion : SpecificData.getForClass(type).getConversions()) {
                    addLogicalTypeConversion(conversion);
                }
                return Optional.of(type);
            }
        } catch (ClassNotFoundException e) {
            // not at the top level: Avro's lookup also tries nested class names
        }
        return Optional.ofNullable(super.getClass(schema));
    }

    private static boolean isGenerated(Class<?> type) {
        return SpecificRecord.class.isAssignableFrom(type)
            || (type.isEnum() && GenericEnumSymbol.class.isAssignableFrom(type))
            || SpecificFixed.class.isAssignableFrom(type);
    }
}
