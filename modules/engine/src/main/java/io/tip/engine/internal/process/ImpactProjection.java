package io.tip.engine.internal.process;

import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.tip.engine.internal.state.FoldedImpact;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * The fields of a thesis-impacts record the state fold reads, as an Avro reader schema: ThesisImpact's
 * own fields of those names, so it resolves against any writer schema ThesisImpact does. Decoding
 * through it skips the signals, path and texts. Read the whole impact only when it is needed (an
 * alert carries it as its cause): the full decode was ~6 % of the stream thread's samples at 10,000
 * theses (JFR, BENCHMARKS.md).
 */
final class ImpactProjection {
    static final Schema SCHEMA = project(ThesisImpact.getClassSchema(),
            List.of("id", "thesisId", "thesisTitle", "eventId", "eventTime", "stance", "magnitude", "order"));

    private ImpactProjection() {
    }

    static FoldedImpact read(GenericRecord projected) {
        return new FoldedImpact(projected.get(0).toString(), projected.get(1).toString(), projected.get(2).toString(),
                projected.get(3).toString(), Instant.ofEpochMilli((Long) projected.get(4)),
                Stance.valueOf(projected.get(5).toString()), (Double) projected.get(6), (Integer) projected.get(7));
    }

    private static Schema project(Schema record, List<String> names) {
        List<Schema.Field> fields = names.stream().map(name -> {
            Schema.Field field = record.getField(name);
            if (field == null) {
                throw new IllegalStateException(record.getFullName() + " has no field " + name);
            }
            return new Schema.Field(field, field.schema());
        }).toList();
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
