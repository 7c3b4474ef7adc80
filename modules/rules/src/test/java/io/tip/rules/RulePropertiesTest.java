package io.tip.rules;

import io.tip.model.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Properties of the rule language over generated rules, events and junk. */
class RulePropertiesTest {
    private static final List<Field> NAME_FIELDS = List.of(Field.ACTOR, Field.TARGET, Field.ENTITY, Field.TAG,
            Field.ACTOR_TAG, Field.TARGET_TAG, Field.EVENT_TAG, Field.SOURCE);
    private static final List<Op> AMOUNT_OPS = List.of(Op.EQ, Op.NE, Op.GT, Op.GE, Op.LT, Op.LE);

    @Property(tries = 500)
    void canonicalTextParsesBackToAnEqualRule(@ForAll("rules") Rule rule) {
        // given any rule; when it is printed and parsed again; then it is the same rule
        assertThat(Rule.parse(rule.toString())).isEqualTo(rule);
    }

    @Property(tries = 1000)
    void junkFailsOnlyWithRuleSyntaxException(@ForAll("junk") String text) {
        assertThatCode(() -> {
            try {
                Rule.parse(text);
            } catch (RuleSyntaxException expected) {
                assertThat(expected.column()).isBetween(1, text.length() + 1);
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 2000)
    void aMatchingEventCarriesOneOfTheRulesAnchors(@ForAll("smallRules") Rule rule, @ForAll("events") EventFacts event) {
        // given a rule and an event drawn from the same few names, tags and types
        boolean matches = rule.matches(event);
        var anchors = rule.anchors();
        Statistics.label("matched").collect(matches);
        Statistics.label("anchored").collect(anchors.isPresent());
        // then a match is never hidden from the engine's index
        if (matches && anchors.isPresent()) {
            assertThat(anchors.get()).as("anchors of %s on %s", rule, event).containsAnyElementsOf(event.keys());
        }
    }

    @Provide
    Arbitrary<Rule> rules() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("NVIDIA", "Long Broadcom", "and", "OR", "Not", "a\"b", "x,y", "(p)", "c:\\d", "it's", "inference-specialist",
                        "[[SK Hynix]]", "[[a|b]]", "semis/memory", "cut*"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()));
        Arbitrary<String> texts = Arbitraries.oneOf(values, Arbitraries.of(" ", "  x "));
        return expressions(values, texts, 3).map(Rule::new);
    }

    @Provide
    Arbitrary<Rule> smallRules() {
        return expressions(Arbitraries.of("nvidia", "NVDA", "Groq", "aws", "chips", "Inference", "gpu", "semis", "semis/memory"),
                Arbitraries.of("acquire", "cut", "GROQ", "cut*"), 3).map(Rule::new);
    }

    @Provide
    Arbitrary<EventFacts> events() {
        Arbitrary<Party> parties = Combinators.combine(
                Arbitraries.of("nvidia", "nvda", "groq", "amazon", "aws").set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("chips", "gpu", "inference", "hyperscaler", "semis/memory").set().ofMaxSize(2)).as(Party::new);
        return Combinators.combine(
                Arbitraries.of("ACQUISITION", "MERGER", "product-launch"),
                parties, parties.injectNull(0.3),
                Arbitraries.of("inference", "chips", "edge", "semis/memory/hbm").set().ofMaxSize(2),
                Arbitraries.of(0L, 1_000_000_000L, 20_000_000_000L).injectNull(0.3),
                Arbitraries.of("NVIDIA to acquire Groq", "", "AWS price cut")).as(EventFacts::new);
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> tokens = Arbitraries.of("type", "actor", "target.tag", "amount", "headline", "tag", "tpye",
                "=", "!=", ">=", "<", "~", "!", ",", "(", ")", "and", "OR", "not", "\"", "'", "acquisition", "1.5B",
                "99999999999999T", "\"x y\"", "\\", "0.1", "$", "K").list().ofMaxSize(12).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(tokens, Arbitraries.strings().withChars("()=!<>~,\"' \\.aAndortype1B").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(30), Arbitraries.strings().withChars("(").ofMinLength(60).ofMaxLength(200));
    }

    private static Arbitrary<Expr> expressions(Arbitrary<String> values, Arbitrary<String> texts, int depth) {
        Arbitrary<Expr> terms = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(NAME_FIELDS), Arbitraries.of(Op.EQ, Op.NE), values.list().ofMinSize(1).ofMaxSize(3))
                        .as(Expr.Match::new),
                Combinators.combine(Arbitraries.of(Op.EQ, Op.NE), Arbitraries.of(EventType.class).map(t -> t.name().toLowerCase().replace('_', '-'))
                        .list().ofMinSize(1).ofMaxSize(2)).as((op, types) -> new Expr.Match(Field.TYPE, op, types)),
                Combinators.combine(Arbitraries.of(AMOUNT_OPS), Arbitraries.oneOf(Arbitraries.of(0L, 1_500_000_000L, 20_000_000_000L),
                        Arbitraries.longs().between(0, Long.MAX_VALUE))).as(Expr.Amount::new),
                texts.list().ofMinSize(1).ofMaxSize(2).map(Expr.Headline::new),
                texts.list().ofMinSize(1).ofMaxSize(2).map(Expr.Product::new),
                Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("_-.").ofMinLength(1).ofMaxLength(6),
                        Arbitraries.of(Op.EQ, Op.NE), values.list().ofMinSize(1).ofMaxSize(2)).as(Expr.Attribute::new),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), texts.list().ofMinSize(1).ofMaxSize(2))
                        .as((key, phrases) -> new Expr.Attribute(key, Op.CONTAINS, phrases)));
        if (depth == 0) {
            return terms;
        }
        Arbitrary<Expr> inner = Arbitraries.lazy(() -> expressions(values, texts, depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, terms),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expr.And::new)),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expr.Or::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Expr.Not::new)));
    }

    @Property(tries = 1)
    void eventKeysCoverTypeNamesAndTags() {
        EventFacts event = new EventFacts("product-launch", new Party(Set.of("NVIDIA", "NVDA"), Set.of("GPU")),
                Party.unknown("Groq"), Set.of("Inference"), null, "");
        assertThat(event.keys()).containsExactlyInAnyOrder(Anchor.type("PRODUCT_LAUNCH"), Anchor.entity("nvidia"),
                Anchor.entity("nvda"), Anchor.entity("groq"), Anchor.tag("gpu"), Anchor.tag("inference"));
    }
}
