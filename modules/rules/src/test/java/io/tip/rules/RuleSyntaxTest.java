package io.tip.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed rules fail with a message the analyst can act on, and the column of the mistake. */
class RuleSyntaxTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "tpye=acquisition | 1 | unknown field 'tpye' (known: type, actor, target, entity, tag, actor.tag, target.tag, amount, headline, event.tag, product, source, attr.KEY)",
            "actor=SK Hynix | 10 | 'Hynix' looks like part of a name with a space: quote it, actor=\"SK Hynix\"",
            "type=capacity and Actor=SK Hynix Inc and tag=hbm | 28 | 'Hynix' looks like part of a name with a space: quote it, Actor=\"SK Hynix Inc\"",
            "entity=NVIDIA,SK Hynix | 18 | 'Hynix' looks like part of a name with a space: quote it, entity=\"SK Hynix\"",
            "actor=SK tpye=merger | 10 | unknown field 'tpye' (known: type, actor, target, entity, tag, actor.tag, target.tag, amount, headline, event.tag, product, source, attr.KEY)",
            "entity=[[SK Hynix | 8 | unterminated [[ (close the link with ]])",
            "entity=[[]] | 8 | empty link [[]] (write the name inside: [[SK Hynix]])",
            "product=TPU | 8 | operator = does not work with product (use ~)",
            "attr.segment>1 | 13 | operator > does not work with attr.KEY (use =, != or ~)",
            "headline~\"*\" | 10 | empty headline text (write a word or phrase)",
            "type>=acquisition | 5 | operator >= does not work with type (use = or !=)",
            "headline=\"x\" | 9 | operator = does not work with headline (use ~)",
            "actor~NVIDIA | 6 | operator ~ does not work with actor (use = or !=)",
            "(type=acquisition | 18 | unbalanced '(' at column 1: expected ')' but found the end of the rule",
            "type=acquisition) | 17 | unbalanced ')': no '(' before it",
            "amount>=lots | 9 | bad amount 'lots' (a number of US dollars, optionally ending in K, M, B or T: 1.5B)",
            "amount>=1.5X | 9 | bad amount '1.5X' (a number of US dollars, optionally ending in K, M, B or T: 1.5B)",
            "amount>=0.5 | 9 | bad amount '0.5' (not a whole number of dollars)",
            "amount>=99999999999T | 9 | bad amount '99999999999T' (too large)",
            "amount>=1B,2B | 12 | amount takes a single value",
            "type= | 6 | empty value for type (found the end of the rule)",
            "type=\"\" | 6 | empty value for type (found \"\")",
            "type=acquisition, | 18 | empty value for type (found the end of the rule)",
            "type=acquisition \"x\" | 18 | unexpected \"x\" (expected and, or, or the end of the rule)",
            "type=acquisition and | 21 | expected a term such as type=acquisition but found the end of the rule",
            "or type=acquisition | 1 | expected a term such as type=acquisition but found 'or'",
            "type | 5 | expected an operator (= or !=) after type but found the end of the rule",
            "type=aquisition | 6 | unknown event type 'aquisition' (known: acquisition, merger, investment, partnership, product-launch, discontinuation, earnings, guidance, regulation, pricing, capacity, other)",
            "headline~\"open | 10 | unterminated quote \" (close it with \")",
            "actor!NVIDIA | 6 | unexpected '!' (write != for 'is not', or not before a term)",
            "'   ' | 1 | empty rule (write a term such as type=acquisition)",
    })
    void explainsTheMistake(String rule, int column, String reason) {
        // given a malformed rule; when it is parsed; then the error says what is wrong and where
        assertThatThrownBy(() -> Rule.parse(rule))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage(reason + " (column " + column + ")")
                .satisfies(e -> {
                    RuleSyntaxException syntax = (RuleSyntaxException) e;
                    org.assertj.core.api.Assertions.assertThat(syntax.column()).isEqualTo(column);
                    org.assertj.core.api.Assertions.assertThat(syntax.reason()).isEqualTo(reason);
                });
    }
}
