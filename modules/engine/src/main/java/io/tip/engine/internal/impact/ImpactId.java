package io.tip.engine.internal.impact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Ids derived from what they identify, so a replay of the same event yields the same ids. */
public final class ImpactId {
    /**
     * One MD5 digest per stream thread: {@code UUID.nameUUIDFromBytes} looks the algorithm up in the
     * security providers on every call, which showed in the profile at one call per impact.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    private ImpactId() {
    }

    public static String of(String eventId, String thesisId) {
        return name("impact", eventId, thesisId);
    }

    public static String alert(String thesisId, String impactId) {
        return name("alert", thesisId, impactId);
    }

    private static String name(String kind, String a, String b) {
        return nameUuid((kind + '\u0000' + a + '\u0000' + b).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Exactly {@link UUID#nameUUIDFromBytes}: a version 3 (MD5, name-based) UUID. */
    static UUID nameUuid(byte[] name) {
        byte[] md5 = MD5.get().digest(name);
        md5[6] &= 0x0f;
        md5[6] |= 0x30;
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
