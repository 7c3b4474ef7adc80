package io.tip.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's terms — event.tag, product~, source, attr.KEY, nested tags, whole-word headlines,
 * [[Link]] values — against one event: SK Hynix says its 2026 HBM supply is sold out.
 */
class RuleAdditionsTest {
    private static final Party HYNIX = new Party(Set.of("SK Hynix", "Hynix"), Set.of("memory", "semis/memory"));
    private static final EventFacts HBM_SOLD_OUT = new EventFacts("CAPACITY", HYNIX, null, Set.of("semis/memory/hbm", "AI"),
            null, "SK Hynix: AI demand leaves 2026 HBM supply sold out; CoWoS lines busy", List.of("HBM3E 12-high", "HBM4"),
            "Reuters", Map.of("Segment", "datacenter", "note", "Sold out through 2026"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // event.tag sees the event's own tags only; tag= sees the entities' too
            "event.tag=ai ; true",
            "event.tag=memory ; false",
            "tag=memory ; true",
            "event.tag!=memory ; true",
            // nested tags: a tag matches every tag under it, never a mere prefix of a word
            "event.tag=semis ; true",
            "event.tag=semis/memory ; true",
            "event.tag=semis/memory/hbm ; true",
            "event.tag=semis/mem ; false",
            "event.tag=sem ; false",
            "actor.tag=semis ; true",
            "tag=semis/memory/hbm/x ; false",
            // headline~: whole words and phrases, ignoring case; * makes a prefix
            "headline~\"AI\" ; true",
            "headline~\"ai demand\" ; true",
            "headline~\"CoWoS lines\" ; true",
            "headline~\"sold\" ; true",
            "headline~\"old\" ; false",
            "headline~\"line\" ; false",
            "headline~\"line*\" ; true",
            "headline~\"hbm sold\" ; false",
            "headline~\"SK Hynix:\" ; true",
            // product~ over the event's products, like headlines
            "product~\"HBM3E\" ; true",
            "product~\"hbm4\" ; true",
            "product~\"HBM\" ; false",
            "product~\"HBM*\" ; true",
            "product~\"12-high\" ; true",
            // source, ignoring case
            "source=reuters ; true",
            "source=Bloomberg ; false",
            "source!=Bloomberg ; true",
            // attributes: key and value ignoring case; ~ for words; != is true for an absent key
            "attr.segment=datacenter ; true",
            "attr.SEGMENT=DataCenter ; true",
            "attr.segment=consumer,datacenter ; true",
            "attr.segment!=consumer ; true",
            "attr.note~\"sold out\" ; true",
            "attr.note~\"2027\" ; false",
            "attr.region=asia ; false",
            "attr.region!=asia ; true",
            // [[Link]] values where a name is expected, with or without shown text
            "actor=[[SK Hynix]] ; true",
            "entity=[[SK Hynix|Hynix]] ; true",
            "actor=[[Hynix#Memory]] ; true",
            "actor=[[Samsung]] ; false",
            "type=capacity and actor=[[SK Hynix]] and product~\"HBM*\" and not source=Bloomberg ; true",
    })
    void terms(String rule, boolean expected) {
        assertThat(Rule.parse(rule).matches(HBM_SOLD_OUT)).as(rule).isEqualTo(expected);
    }

    @Test
    void headlineWordsMustBeWholeAsTheIssueAsks() {
        EventFacts cowos = new EventFacts("CAPACITY", Party.unknown("TSMC"), null, Set.of(), null, "TSMC adds CoWoS lines; Xilinx said so");
        assertThat(Rule.parse("headline~\"AI\"").matches(cowos)).isFalse();
        assertThat(Rule.parse("headline~\"cowos\"").matches(cowos)).isTrue();
    }

    @Test
    void anEventWithoutProductsSourceOrAttributes() {
        EventFacts bare = new EventFacts("OTHER", Party.unknown("A"), null, Set.of(), null, "h");
        assertThat(Rule.parse("product~\"x\"").matches(bare)).isFalse();
        assertThat(Rule.parse("source=x").matches(bare)).isFalse();
        assertThat(Rule.parse("source!=x").matches(bare)).isTrue();
        assertThat(Rule.parse("attr.k=v").matches(bare)).isFalse();
    }

    @Test
    void anchorsOfTheNewTerms() {
        assertThat(Rule.parse("event.tag=semis").anchors()).contains(Set.of(Anchor.tag("semis")));
        assertThat(Rule.parse("product~\"HBM\"").anchors()).isEmpty();
        assertThat(Rule.parse("source=reuters").anchors()).isEmpty();
        assertThat(Rule.parse("attr.segment=datacenter").anchors()).isEmpty();
        assertThat(Rule.parse("source=reuters and actor=[[SK Hynix]]").anchors()).isEqualTo(Optional.of(Set.of(Anchor.entity("sk hynix"))));
        // an event tagged semis/memory/hbm is found under every tag above it
        assertThat(HBM_SOLD_OUT.keys()).contains(Anchor.tag("semis"), Anchor.tag("semis/memory"), Anchor.tag("semis/memory/hbm"));
    }

    @Test
    void canonicalTextOfTheNewTerms() {
        assertThat(Rule.parse("Event.Tag=semis PRODUCT~HBM* source=Reuters attr.Segment=datacenter attr.note~'sold out' actor=[[SK Hynix|Hynix]]")
                .toString()).isEqualTo("event.tag=semis and product~\"HBM*\" and source=Reuters and attr.Segment=datacenter "
                + "and attr.note~\"sold out\" and actor=\"SK Hynix\"");
    }
}
