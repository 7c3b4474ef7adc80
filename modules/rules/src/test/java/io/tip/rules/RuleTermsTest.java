package io.tip.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each term of the rule language, and how terms combine, against the NVIDIA–Groq deal. */
class RuleTermsTest {
    private static final Party NVIDIA = new Party(Set.of("NVIDIA", "NVDA", "Nvidia Corporation"), Set.of("chips", "GPU"));
    private static final Party GROQ = new Party(Set.of("Groq"), Set.of("inference-specialist", "chips"));
    /** NVIDIA to acquire Groq for $20B, tagged inference. */
    private static final EventFacts GROQ_DEAL = new EventFacts("ACQUISITION", NVIDIA, GROQ, Set.of("Inference"),
            20_000_000_000L, "NVIDIA to acquire Groq for $20B");
    private static final EventFacts NO_TARGET_NO_AMOUNT = new EventFacts("product-launch", NVIDIA, null, Set.of(),
            null, "NVIDIA B200 ships");

    private static boolean matches(String rule, EventFacts facts) {
        return Rule.parse(rule).matches(facts);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "type=acquisition | true",
            "type=ACQUISITION | true",
            "TYPE=Acquisition | true",
            "type=merger | false",
            "type=merger,acquisition | true",
            "type!=merger | true",
            "type!=merger,acquisition | false",
            "actor=NVIDIA | true",
            "actor=nvda | true",
            "actor=\"Nvidia Corporation\" | true",
            "actor=Groq | false",
            "actor!=Groq | true",
            "target=groq | true",
            "target=NVIDIA | false",
            "entity=Groq | true",
            "entity=NVDA | true",
            "entity=AMD | false",
            "entity=AMD,groq | true",
            "tag=inference | true",
            "tag=inference-specialist | true",
            "tag=gpu | true",
            "tag=edge-inference | false",
            "actor.tag=gpu | true",
            "actor.tag=inference-specialist | false",
            "target.tag=inference-specialist | true",
            "target.tag=gpu | false",
            "target.tag!=gpu | true",
            "amount>=20B | true",
            "amount>20B | false",
            "amount=20B | true",
            "amount!=20B | false",
            "amount<=20000000000 | true",
            "amount<20.5B | true",
            "amount>=1.5B | true",
            "amount>=19999999K | true",
            "amount>=20001M | false",
            "amount<0.02T | false",
            "amount>=$20B | true",
            "headline~\"acquire\" | true",
            "headline~\"ACQUIRE GROQ\" | true",
            "headline~'for $20b' | true",
            "headline~\"discontinue\" | false",
            "headline~\"discontinue\",\"acquire\" | true",
    })
    void eachTerm(String rule, boolean expected) {
        // given the Groq deal; when the rule is tried; then it matches exactly when the term says so
        assertThat(matches(rule, GROQ_DEAL)).as(rule).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "type=acquisition and target.tag=inference-specialist | true",
            "type=acquisition target.tag=inference-specialist | true",
            "type=acquisition AND actor=Groq | false",
            "type=merger or actor=NVIDIA | true",
            "type=merger OR actor=Groq | false",
            "not actor=Groq | true",
            "NOT actor=NVIDIA | false",
            "not not actor=NVIDIA | true",
            // and binds tighter than or: (merger and groq) or nvidia
            "type=merger and actor=Groq or actor=NVIDIA | true",
            // parentheses override: merger and (groq or nvidia)
            "type=merger and (actor=Groq or actor=NVIDIA) | false",
            "not (type=merger or actor=Groq) | true",
            "not type=merger and actor=NVIDIA | true",
            "(((actor=NVIDIA))) | true",
            "type=acquisition and (amount>=10B or headline~\"cheap\") and not tag=edge-inference | true",
    })
    void combinations(String rule, boolean expected) {
        assertThat(matches(rule, GROQ_DEAL)).as(rule).isEqualTo(expected);
    }

    @Test
    void eventTypesIgnoreCaseDashesAndUnderscores() {
        assertThat(EventFacts.normalizeType("product-launch")).isEqualTo("PRODUCT_LAUNCH");
        assertThat(EventFacts.normalizeType(" Product Launch ")).isEqualTo("PRODUCT_LAUNCH");
        assertThat(matches("type=product-launch", NO_TARGET_NO_AMOUNT)).isTrue();
        assertThat(matches("type=Product_Launch", NO_TARGET_NO_AMOUNT)).isTrue();
    }

    @Test
    void anEventWithoutTargetOrAmountMatchesNoTargetOrAmountTerm() {
        assertThat(matches("target=NVIDIA", NO_TARGET_NO_AMOUNT)).isFalse();
        assertThat(matches("target.tag=chips", NO_TARGET_NO_AMOUNT)).isFalse();
        assertThat(matches("target!=NVIDIA", NO_TARGET_NO_AMOUNT)).isTrue();
        assertThat(matches("amount>=0", NO_TARGET_NO_AMOUNT)).isFalse();
        assertThat(matches("amount!=5", NO_TARGET_NO_AMOUNT)).isFalse();
    }

    @Test
    void anUnknownEntityMatchesOnlyTheNameItWasGiven() {
        // given an actor the vault has no note for
        EventFacts facts = new EventFacts("PARTNERSHIP", Party.unknown("Cerebras Systems"), null, Set.of(), null, "");
        assertThat(matches("actor=\"cerebras systems\"", facts)).isTrue();
        assertThat(matches("actor=Cerebras", facts)).isFalse();
        assertThat(matches("actor.tag=chips", facts)).isFalse();
    }

    @Test
    void amountsWithSuffixes() {
        assertThat(UsdAmount.parse("1.5B")).isEqualTo(1_500_000_000L);
        assertThat(UsdAmount.parse("250k")).isEqualTo(250_000L);
        assertThat(UsdAmount.parse("3M")).isEqualTo(3_000_000L);
        assertThat(UsdAmount.parse("1T")).isEqualTo(1_000_000_000_000L);
        assertThat(UsdAmount.parse("42")).isEqualTo(42L);
        assertThat(UsdAmount.format(1_500_000_000L)).isEqualTo("1.5B");
        assertThat(UsdAmount.format(20_000_000_000L)).isEqualTo("20B");
        assertThat(UsdAmount.format(999L)).isEqualTo("999");
    }

    @Test
    void canonicalText() {
        assertThat(Rule.parse("TYPE = acquisition,Merger  Target.Tag=inference-specialist").toString())
                .isEqualTo("type=ACQUISITION,MERGER and target.tag=inference-specialist");
        assertThat(Rule.parse("not (actor=a OR actor=b) (tag=x or tag=y) amount>=1500000000").toString())
                .isEqualTo("not (actor=a or actor=b) and (tag=x or tag=y) and amount>=1.5B");
        assertThat(Rule.parse("entity=\"Long Broadcom\",'and' headline~x").toString())
                .isEqualTo("entity=\"Long Broadcom\",\"and\" and headline~\"x\"");
    }
}
