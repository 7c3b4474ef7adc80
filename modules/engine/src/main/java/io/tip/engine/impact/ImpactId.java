package io.tip.engine.impact;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids derived from what they identify, so a replay of the same event yields the same ids. */
public final class ImpactId {
    private ImpactId() {
    }

    public static String of(String eventId, String thesisId) {
        return name("impact", eventId, thesisId);
    }

    public static String alert(String thesisId, String impactId) {
        return name("alert", thesisId, impactId);
    }

    private static String name(String kind, String a, String b) {
        return UUID.nameUUIDFromBytes((kind + '\u0000' + a + '\u0000' + b).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
