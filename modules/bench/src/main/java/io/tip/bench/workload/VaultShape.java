package io.tip.bench.workload;

import java.util.List;

import io.tip.model.EventType;

/**
 * The naming scheme shared by the vault and the event generators, so an event can be aimed at the
 * thesis it should move. Thesis {@code i} watches its own company ("Firm i") for one event type; every
 * five theses share a sector, and an event about the sector's group moves all five.
 */
final class VaultShape {
    static final int SECTOR_SIZE = 5;
    static final int MEGACAPS = 20;
    /** Every type but OTHER, which no analyst writes a rule for. */
    static final List<EventType> TYPES = List.of(EventType.values()).subList(0, EventType.values().length - 1);

    private VaultShape() {
    }

    static String thesisId(int i) { return "thesis-" + i; }
    static String firm(int i) { return "Firm " + i; }
    static List<String> firmAliases(int i) { return List.of("Firm " + i + " Inc", "F" + i); }
    static String focusTag(int i) { return "focus-" + i; }
    static EventType watchedType(int i) { return TYPES.get(i % TYPES.size()); }
    static int sectorOf(int thesis) { return thesis / SECTOR_SIZE; }
    static String group(int sector) { return "Group " + sector; }
    static String sectorTag(int sector) { return "sector-" + sector; }
    static String megacap(int m) { return "Mega " + m; }

    /** Sectors with all five theses, the only ones fan-out events are aimed at. */
    static int fullSectors(int theses) { return theses / SECTOR_SIZE; }
}
