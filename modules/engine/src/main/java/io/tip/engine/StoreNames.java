package io.tip.engine;

/** Names of the state stores, for interactive queries. */
public final class StoreNames {
    /** Global store: thesis id -> Thesis. */
    public static final String THESES = "theses-store";
    /** Global store: implication id -> Implication. */
    public static final String IMPLICATIONS = "implications-store";
    /** Global store: entity id -> Entity. */
    public static final String ENTITIES = "entities-store";
    /** Global store: subscription name -> Subscription. */
    public static final String SUBSCRIPTIONS = "subscriptions-store";
    /**
     * Partitioned store: thesis id -> ThesisState, held as the bytes written to thesis-state (Confluent
     * wire format): query it as {@code byte[]} and read a value with thesis-state's deserializer.
     */
    public static final String THESIS_STATE = "thesis-state-store";
    /** Partitioned window store: event id -> first time seen, for dedupe. */
    public static final String SEEN_EVENTS = "seen-events-store";

    private StoreNames() {
    }
}
