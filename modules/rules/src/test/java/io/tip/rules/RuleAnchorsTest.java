package io.tip.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The index anchors each rule gives the engine. */
class RuleAnchorsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "type=acquisition,merger | TYPE:ACQUISITION TYPE:MERGER",
            "type=product-launch | TYPE:PRODUCT_LAUNCH",
            "actor=NVIDIA | ENTITY:nvidia",
            "target=Groq,Cerebras | ENTITY:groq ENTITY:cerebras",
            "entity=\"Long Broadcom\" | ENTITY:long broadcom",
            "tag=Inference | TAG:inference",
            "actor.tag=gpu | TAG:gpu",
            "target.tag=inference-specialist | TAG:inference-specialist",
            "amount>=1B | -",
            "headline~\"x\" | -",
            "not type=merger | -",
            "type!=merger | -",
            // and: the anchored operand with the fewest event types (types are not selective), then the fewest anchors
            "type=acquisition,merger and target.tag=inference-specialist | TAG:inference-specialist",
            "amount>=1B and actor=NVIDIA,AMD | ENTITY:nvidia ENTITY:amd",
            "amount>=1B and headline~\"x\" | -",
            // or: the union, only if every operand is anchored
            "type=merger or actor=NVIDIA | TYPE:MERGER ENTITY:nvidia",
            "type=merger or amount>=1B | -",
            "(type=merger or tag=x) and (actor=a or actor=b or actor=c) | ENTITY:a ENTITY:b ENTITY:c",
            "type=merger and actor=a,b,c | ENTITY:a ENTITY:b ENTITY:c",
    })
    void anchors(String rule, String expected) {
        // given a rule; when its anchors are derived; then they are exactly these ('-' = none: try on every event)
        var anchors = Rule.parse(rule).anchors();
        if (expected.equals("-")) {
            assertThat(anchors).isEmpty();
        } else {
            Set<String> want = Arrays.stream(expected.split(" (?=[A-Z]+:)")).collect(Collectors.toSet());
            assertThat(anchors).hasValueSatisfying(a ->
                    assertThat(a.stream().map(Anchor::toString).collect(Collectors.toSet())).isEqualTo(want));
        }
    }
}
