package io.tip.engine;

import static io.tip.engine.Notes.entity;
import static io.tip.engine.Notes.implication;
import static io.tip.engine.Notes.thesis;
import static io.tip.engine.PipelineDriver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.impact.ImpactId;
import io.tip.model.EventType;
import io.tip.model.FiredSignal;
import io.tip.model.MarketEvent;
import io.tip.model.Polarity;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisState;

/** Every rule of PRODUCT.md's "Impact semantics" and docs/notes.md's "How impacts are chosen", on the real topology. */
class ImpactSemanticsTest {
    private PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void givenTheConvergenceVault() {
        pipeline.load(entity("NVIDIA", List.of("Nvidia Corp"), List.of("chips")),
                entity("Groq", List.of(), List.of("inference-specialist")),
                entity("Amazon", List.of("AWS"), List.of("hyperscaler")));
        pipeline.load(
                thesis("training-inference-convergence")
                        .signal(Stance.CHALLENGES, "type=acquisition and target.tag=inference-specialist", "paying for inference-only hardware")
                        .signal(Stance.SUPPORTS, "type=discontinuation and actor=Amazon", "one chip for both").build(),
                thesis("long-broadcom").signal(Stance.SUPPORTS, "entity=Broadcom and type=partnership", "custom ASIC wins").build(),
                thesis("inference-economics").signal(Stance.CHALLENGES, "type=pricing and tag=inference", "price cuts").build());
        pipeline.load(implication("training-inference-convergence", "long-broadcom", Polarity.REVIEW),
                implication("training-inference-convergence", "inference-economics", Polarity.REVIEW),
                implication("training-inference-convergence", "chip-design", Polarity.REVIEW));
    }

    @Test
    void groqDealChallengesConvergenceAndReachesItsImplicationsAsReviewAtOrderTwo() {
        givenTheConvergenceVault();

        pipeline.publish(event("evt-nvda-groq", EventType.ACQUISITION, "Nvidia Corp", "Groq", "NVIDIA to acquire Groq for $20B")
                .setAmountUsd(20_000_000_000L).build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts).containsOnlyKeys("training-inference-convergence", "long-broadcom", "inference-economics");
        ThesisImpact direct = impacts.get("training-inference-convergence");
        assertThat(direct.getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(direct.getOrder()).isEqualTo(1);
        assertThat(direct.getMagnitude()).isEqualTo(1.0);
        assertThat(direct.getId()).isEqualTo(ImpactId.of("evt-nvda-groq", "training-inference-convergence"));
        assertThat(direct.getSignals()).extracting(FiredSignal::getRule)
                .containsExactly("type=acquisition and target.tag=inference-specialist");
        assertThat(direct.getWhy()).contains("paying for inference-only hardware");
        assertThat(direct.getThesisVersion()).isEqualTo("v1");
        for (String implied : List.of("long-broadcom", "inference-economics")) {
            ThesisImpact impact = impacts.get(implied);
            assertThat(impact.getStance()).isEqualTo(Stance.REVIEW);
            assertThat(impact.getOrder()).isEqualTo(2);
            assertThat(impact.getPath()).containsExactly("training-inference-convergence", implied);
            assertThat(impact.getMagnitude()).isEqualTo(0.5);
            assertThat(impact.getWhy()).contains("training-inference-convergence bears on " + implied);
        }
        assertThat(pipeline.unmatched.isEmpty()).isTrue();
    }

    @Test
    void signalsThatDisagreeGiveReviewListingEverySignal() {
        pipeline.load(thesis("t").signal(Stance.SUPPORTS, "type=acquisition", "deals are good")
                .signal(Stance.CHALLENGES, "amount>=10B", "too expensive", 0.8).build());

        pipeline.publish(event("e1", EventType.ACQUISITION, "A", "B", "A buys B").setAmountUsd(20_000_000_000L).build());

        ThesisImpact impact = pipeline.impactsByThesis().get("t");
        assertThat(impact.getStance()).isEqualTo(Stance.REVIEW);
        assertThat(impact.getSignals()).extracting(FiredSignal::getStance).containsExactly(Stance.SUPPORTS, Stance.CHALLENGES);
        assertThat(impact.getMagnitude()).isEqualTo(1.0);
        assertThat(impact.getWhy()).contains("deals are good").contains("too expensive");
    }

    @Test
    void sameCarriesTheStanceInverseFlipsItAndReviewDoesNotPropagate() {
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=earnings", "beats").build(),
                thesis("same").build(), thesis("inverse").build(), thesis("review").build(), thesis("after-review").build(),
                thesis("after-inverse").build());
        pipeline.load(implication("a", "same", Polarity.SAME), implication("a", "inverse", Polarity.INVERSE),
                implication("a", "review", Polarity.REVIEW), implication("review", "after-review", Polarity.SAME),
                implication("inverse", "after-inverse", Polarity.INVERSE));

        pipeline.publish(event("e", EventType.EARNINGS, "X", null, "X beats").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts.get("same").getStance()).isEqualTo(Stance.SUPPORTS);
        assertThat(impacts.get("inverse").getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(impacts.get("review").getStance()).isEqualTo(Stance.REVIEW);
        assertThat(impacts).doesNotContainKey("after-review");
        assertThat(impacts.get("after-inverse").getStance()).isEqualTo(Stance.SUPPORTS);
        assertThat(impacts.get("after-inverse").getOrder()).isEqualTo(3);
        assertThat(impacts.get("after-inverse").getMagnitude()).isEqualTo(0.25);
    }

    @Test
    void depthIsCappedAndMagnitudeShrinksEveryHop() {
        pipeline.close();
        pipeline = new PipelineDriver(Map.of(EngineConfig.PROPAGATION_MAX_DEPTH, 2));
        pipeline.load(thesis("a").signal(Stance.CHALLENGES, "type=regulation", "rules").build(),
                thesis("b").build(), thesis("c").build(), thesis("d").build());
        pipeline.load(implication("a", "b", Polarity.SAME), implication("b", "c", Polarity.SAME), implication("c", "d", Polarity.SAME));

        pipeline.publish(event("e", EventType.REGULATION, "EU", null, "EU rules").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts).containsOnlyKeys("a", "b", "c");
        assertThat(impacts.get("b").getMagnitude()).isEqualTo(0.5);
        assertThat(impacts.get("c").getMagnitude()).isEqualTo(0.25);
        assertThat(impacts.get("c").getPath()).containsExactly("a", "b", "c");
    }

    @Test
    void cyclesEndAndNoThesisIsImpactedTwice() {
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=capacity", "more fabs").build(), thesis("b").build(), thesis("c").build());
        pipeline.load(implication("a", "b", Polarity.SAME), implication("b", "c", Polarity.SAME),
                implication("c", "a", Polarity.SAME), implication("b", "a", Polarity.INVERSE));

        pipeline.publish(event("e", EventType.CAPACITY, "TSMC", null, "TSMC adds fabs").build());

        List<ThesisImpact> out = pipeline.impacts.readValuesToList();
        assertThat(out).extracting(ThesisImpact::getThesisId).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(out).filteredOn(i -> i.getThesisId().equals("a")).singleElement()
                .satisfies(a -> assertThat(a.getOrder()).isEqualTo(1));
    }

    @Test
    void directBeatsPropagatedAndShorterPathBeatsLonger() {
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=investment", "money in").build(),
                thesis("b").signal(Stance.CHALLENGES, "actor=Fund", "that fund is wrong", 0.3).build(),
                thesis("c").build(), thesis("d").build());
        // b is reached directly and through a; d through a (order 2) and through a->c->d (order 3)
        pipeline.load(implication("a", "b", Polarity.SAME), implication("a", "c", Polarity.SAME),
                implication("c", "d", Polarity.INVERSE), implication("a", "d", Polarity.SAME));

        pipeline.publish(event("e", EventType.INVESTMENT, "Fund", "Startup", "Fund invests").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts.get("b").getOrder()).isEqualTo(1);
        assertThat(impacts.get("b").getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(impacts.get("b").getMagnitude()).isEqualTo(0.3);
        assertThat(impacts.get("d").getOrder()).isEqualTo(2);
        assertThat(impacts.get("d").getStance()).isEqualTo(Stance.SUPPORTS);
    }

    @Test
    void amongPathsOfOneLengthTheLargerMagnitudeWins() {
        // Named so that the path text sorts the weaker path first: only the magnitude can pick the stronger one.
        pipeline.load(thesis("a-weak").signal(Stance.SUPPORTS, "type=merger", "small", 0.2).build(),
                thesis("z-strong").signal(Stance.CHALLENGES, "type=merger", "big", 0.9).build(), thesis("target").build());
        pipeline.load(implication("a-weak", "target", Polarity.SAME), implication("z-strong", "target", Polarity.SAME));

        pipeline.publish(event("e", EventType.MERGER, "A", "B", "A merges with B").build());

        ThesisImpact target = pipeline.impactsByThesis().get("target");
        assertThat(target.getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(target.getPath()).containsExactly("z-strong", "target");
        assertThat(target.getMagnitude()).isEqualTo(0.45);
    }

    @Test
    void amongPathsOfOneLengthAndMagnitudeThePathTextDecides() {
        // Equal magnitudes: the first path in text order wins, whichever implication was loaded first.
        pipeline.load(thesis("b-second").signal(Stance.CHALLENGES, "type=merger", "second", 0.6).build(),
                thesis("a-first").signal(Stance.SUPPORTS, "type=merger", "first", 0.6).build(), thesis("target").build());
        pipeline.load(implication("b-second", "target", Polarity.SAME), implication("a-first", "target", Polarity.SAME));

        pipeline.publish(event("e", EventType.MERGER, "A", "B", "A merges with B").build());

        ThesisImpact target = pipeline.impactsByThesis().get("target");
        assertThat(target.getPath()).containsExactly("a-first", "target");
        assertThat(target.getStance()).isEqualTo(Stance.SUPPORTS);
    }

    @Test
    void aNoteWithoutSignalsGetsReviewForEventsInvolvingItsLinkedEntitiesByAlias() {
        pipeline.load(entity("Amazon", List.of("AWS"), List.of()));
        pipeline.load(thesis("cloud-capex").links("Amazon", "Microsoft").build(),
                thesis("with-signals").links("Amazon").signal(Stance.SUPPORTS, "type=earnings", "beats").build());

        pipeline.publish(event("e", EventType.PARTNERSHIP, "AWS", "Anthropic", "AWS and Anthropic expand").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts).containsOnlyKeys("cloud-capex");
        assertThat(impacts.get("cloud-capex").getStance()).isEqualTo(Stance.REVIEW);
        assertThat(impacts.get("cloud-capex").getSignals()).isEmpty();
        assertThat(impacts.get("cloud-capex").getWhy()).contains("amazon");
    }

    @Test
    void implicationsToTopicsWithoutANoteProduceNothing() {
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=guidance", "raised").build());
        pipeline.load(implication("a", "chip-design", Polarity.SAME));

        pipeline.publish(event("e", EventType.GUIDANCE, "X", null, "X raises guidance").build());

        assertThat(pipeline.impactsByThesis()).containsOnlyKeys("a");
    }

    @Test
    void aReplayedEventYieldsTheSameImpactIds() {
        // Given the event processed once
        givenTheConvergenceVault();
        MarketEvent groq = event("evt", EventType.ACQUISITION, "NVIDIA", "Groq", "NVIDIA buys Groq").build();
        pipeline.publish(groq);
        Map<String, String> first = idsByThesis(pipeline.impacts.readValuesToList());

        // When it is replayed from the start into a pipeline with fresh state (as after a reset of the application)
        pipeline.close();
        pipeline = new PipelineDriver();
        givenTheConvergenceVault();
        pipeline.publish(groq);

        // Then the impacts carry the same ids, each derived from (event id, thesis id)
        assertThat(idsByThesis(pipeline.impacts.readValuesToList())).isEqualTo(first).hasSize(3);
        first.forEach((thesis, id) -> assertThat(id).isEqualTo(ImpactId.of("evt", thesis)));
    }

    @Test
    void aRe_sentEventChangesNothingDownstream() {
        givenTheConvergenceVault();
        MarketEvent groq = event("evt", EventType.ACQUISITION, "NVIDIA", "Groq", "NVIDIA buys Groq").build();

        pipeline.publish(groq);
        List<String> first = pipeline.impacts.readValuesToList().stream().map(ThesisImpact::getId).toList();
        List<ThesisState> states = pipeline.state.readValuesToList();
        pipeline.publish(groq);

        assertThat(first).hasSize(3).doesNotHaveDuplicates();
        assertThat(states).hasSize(3);
        assertThat(pipeline.impacts.isEmpty()).as("a re-sent event changes nothing downstream").isTrue();
        assertThat(pipeline.state.isEmpty()).isTrue();
        assertThat(pipeline.unmatched.isEmpty()).isTrue();
        assertThat(pipeline.counts.duplicates).hasValue(1);
    }

    private static Map<String, String> idsByThesis(List<ThesisImpact> impacts) {
        return impacts.stream().collect(java.util.stream.Collectors.toMap(ThesisImpact::getThesisId, ThesisImpact::getId));
    }

    @Test
    void anEventNoThesisCaresAboutGoesToTheUnmatchedInboxAsReceived() {
        givenTheConvergenceVault();
        MarketEvent quiet = event("evt-quiet", EventType.EARNINGS, "Acme", null, "Acme earnings in line").build();

        pipeline.publish(quiet);

        assertThat(pipeline.impacts.isEmpty()).isTrue();
        var out = pipeline.unmatched.readRecord();
        assertThat(out.key()).isEqualTo("evt-quiet");
        assertThat(out.value()).isEqualTo(quiet);
    }

    @Test
    void thesisUpdatesApplyToTheNextEventAndATombstoneStopsMatching() {
        pipeline.load(thesis("t").signal(Stance.SUPPORTS, "type=pricing", "cheaper").build());
        pipeline.publish(event("e1", EventType.PRICING, "A", null, "A cuts prices").build());
        assertThat(pipeline.impactsByThesis()).containsOnlyKeys("t");

        pipeline.load(thesis("t").version("v2").signal(Stance.CHALLENGES, "type=pricing", "margin pressure").build());
        pipeline.publish(event("e2", EventType.PRICING, "A", null, "A cuts prices again").build());
        ThesisImpact second = pipeline.impactsByThesis().get("t");
        assertThat(second.getStance()).isEqualTo(Stance.CHALLENGES);
        assertThat(second.getThesisVersion()).isEqualTo("v2");

        pipeline.theses.pipeInput("t", null);
        pipeline.publish(event("e3", EventType.PRICING, "A", null, "A cuts prices once more").build());
        assertThat(pipeline.impacts.isEmpty()).isTrue();
        assertThat(pipeline.unmatched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("e3");
    }

    @Test
    void aStatusChangeRaisesAnAlertWithItsCause() {
        givenTheConvergenceVault();

        pipeline.publish(event("evt-nvda-groq", EventType.ACQUISITION, "NVIDIA", "Groq", "NVIDIA to acquire Groq").build());

        var alerts = pipeline.alerts.readValuesToList();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getThesisId()).isEqualTo("training-inference-convergence");
            assertThat(alert.getPreviousStatus().name()).isEqualTo("STEADY");
            assertThat(alert.getStatus().name()).isEqualTo("CHALLENGED");
            assertThat(alert.getCause().getEventId()).isEqualTo("evt-nvda-groq");
        });
    }

    @Test
    void aPropagatedStanceBeatsAMentionOnlyReview() {
        // Given a note without signals that links Broadcom, also reached through a SAME implication
        pipeline.load(thesis("custom-silicon").signal(Stance.SUPPORTS, "actor=Broadcom and type=partnership", "new customer", 0.8).build(),
                thesis("long-broadcom").links("Broadcom").build());
        pipeline.load(implication("custom-silicon", "long-broadcom", Polarity.SAME));

        pipeline.publish(event("e", EventType.PARTNERSHIP, "Broadcom", "OpenAI", "Broadcom and OpenAI co-develop chips").build());

        // Then it gets the propagated SUPPORTS, which says which way, not the empty "it links Broadcom" REVIEW
        ThesisImpact impact = pipeline.impactsByThesis().get("long-broadcom");
        assertThat(impact.getStance()).isEqualTo(Stance.SUPPORTS);
        assertThat(impact.getOrder()).isEqualTo(2);
        assertThat(impact.getPath()).containsExactly("custom-silicon", "long-broadcom");
        assertThat(impact.getMagnitude()).isEqualTo(0.4);
    }

    @Test
    void aMentionOnlyReviewBeatsAPropagatedReview() {
        pipeline.load(thesis("a").signal(Stance.CHALLENGES, "actor=Broadcom", "bad sign").build(),
                thesis("watcher").links("Broadcom").build());
        pipeline.load(implication("a", "watcher", Polarity.REVIEW));

        pipeline.publish(event("e", EventType.OTHER, "Broadcom", null, "Broadcom news").build());

        ThesisImpact impact = pipeline.impactsByThesis().get("watcher");
        assertThat(impact.getStance()).isEqualTo(Stance.REVIEW);
        assertThat(impact.getOrder()).isEqualTo(1);
        assertThat(impact.getWhy()).contains("links broadcom");
    }

    @Test
    void aPropagatedStanceBeatsAShorterPropagatedReviewAndTravelsOn() {
        // a -> x is REVIEW at order 2; a -> b -> x carries SUPPORTS at order 3; x -> y carries it on
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=capacity", "more fabs").build(),
                thesis("b").build(), thesis("x").build(), thesis("y").build());
        pipeline.load(implication("a", "x", Polarity.REVIEW), implication("a", "b", Polarity.SAME),
                implication("b", "x", Polarity.SAME), implication("x", "y", Polarity.SAME));

        pipeline.publish(event("e", EventType.CAPACITY, "TSMC", null, "TSMC adds fabs").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        assertThat(impacts.get("x").getStance()).isEqualTo(Stance.SUPPORTS);
        assertThat(impacts.get("x").getPath()).containsExactly("a", "b", "x");
        assertThat(impacts).doesNotContainKey("y").as("depth 3 stops at x");
    }

    @Test
    void propagatedImpactsBelowTheMinimumMagnitudeAreDroppedAndGoNoFurther() {
        // Given a weak signal (0.4): order 2 is 0.2, order 3 is 0.1, order 4 0.05
        pipeline.load(thesis("a").signal(Stance.CHALLENGES, "type=regulation", "rules", 0.4).build(),
                thesis("b").build(), thesis("c").build(), thesis("d").build());
        pipeline.load(implication("a", "b", Polarity.SAME), implication("b", "c", Polarity.SAME), implication("c", "d", Polarity.SAME));

        pipeline.publish(event("e", EventType.REGULATION, "EU", null, "EU rules").build());

        // Then with the default cut (0.15) the tail is gone
        assertThat(pipeline.impactsByThesis()).containsOnlyKeys("a", "b");

        // and with no cut every hop up to the depth cap comes out
        pipeline.close();
        pipeline = new PipelineDriver(Map.of(EngineConfig.PROPAGATION_MIN_MAGNITUDE, 0.0));
        pipeline.load(thesis("a").signal(Stance.CHALLENGES, "type=regulation", "rules", 0.4).build(),
                thesis("b").build(), thesis("c").build(), thesis("d").build());
        pipeline.load(implication("a", "b", Polarity.SAME), implication("b", "c", Polarity.SAME), implication("c", "d", Polarity.SAME));
        pipeline.publish(event("e", EventType.REGULATION, "EU", null, "EU rules").build());
        assertThat(pipeline.impactsByThesis()).containsOnlyKeys("a", "b", "c", "d");
    }

    @Test
    void anImplicationWeightScalesWhatTravelsThroughIt() {
        pipeline.load(thesis("a").signal(Stance.SUPPORTS, "type=earnings", "beats").build(), thesis("b").build());
        pipeline.load(implication("a", "b", Polarity.SAME, 0.6));

        pipeline.publish(event("e", EventType.EARNINGS, "X", null, "X beats").build());

        assertThat(pipeline.impactsByThesis().get("b").getMagnitude()).isEqualTo(0.3);
    }

    @Test
    void anImpactCarriesTheEventTheRuleAndWhereToFindTheNote() {
        pipeline.close();
        pipeline = new PipelineDriver(Map.of(EngineConfig.VAULT_NAME, "Research vault"));
        pipeline.load(thesis("training-inference-convergence")
                .signal(Stance.CHALLENGES, "type=acquisition", "paying for inference-only hardware").build(), thesis("long-broadcom").build());
        pipeline.load(implication("training-inference-convergence", "long-broadcom", Polarity.INVERSE));

        pipeline.publish(event("g", EventType.ACQUISITION, "NVIDIA", "Groq", "NVIDIA to acquire Groq")
                .setAmountUsd(20_000_000_000L).setUrl("https://example.com/groq").build());

        Map<String, ThesisImpact> impacts = pipeline.impactsByThesis();
        ThesisImpact direct = impacts.get("training-inference-convergence");
        assertThat(direct.getEventActor()).isEqualTo("NVIDIA");
        assertThat(direct.getEventTarget()).isEqualTo("Groq");
        assertThat(direct.getEventAmountUsd()).isEqualTo(20_000_000_000L);
        assertThat(direct.getEventUrl()).isEqualTo("https://example.com/groq");
        assertThat(direct.getRule()).isEqualTo("type=acquisition");
        assertThat(direct.getRuleLocation()).isEqualTo("Training inference convergence.md:10");
        assertThat(direct.getSignals().get(0).getLocation()).isEqualTo("Training inference convergence.md:10");
        assertThat(direct.getThesisNote()).isEqualTo("Training inference convergence.md:1");
        assertThat(direct.getThesisLink()).isEqualTo("obsidian://open?vault=Research%20vault&file=Training%20inference%20convergence.md");
        ThesisImpact downstream = impacts.get("long-broadcom");
        assertThat(downstream.getStance()).isEqualTo(Stance.SUPPORTS);
        assertThat(downstream.getRule()).as("the rule that fired on the source").isEqualTo("type=acquisition");
        assertThat(downstream.getThesisNote()).isEqualTo("Long broadcom.md:1");
        assertThat(downstream.getThesisLink()).endsWith("&file=Long%20broadcom.md");
    }

    @Test
    void withoutAVaultNameThereIsNoObsidianLink() {
        pipeline.load(thesis("t").signal(Stance.SUPPORTS, "type=pricing", "cheaper").build());

        pipeline.publish(event("e", EventType.PRICING, "A", null, "A cuts prices").build());

        assertThat(pipeline.impactsByThesis().get("t").getThesisLink()).isEmpty();
    }
}
