package io.tip.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tip.model.EventType;
import io.tip.model.Stance;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.ThesisStatus;

/** What `tip alert` POSTs: the record's JSON, or a message a Slack incoming webhook takes as is. */
class AlertMessageTest {
    private static final ThesisImpact CAUSE = ThesisImpact.newBuilder().setId("impact-1").setThesisId("tic")
            .setThesisTitle("Training-inference convergence").setEventId("evt-nvda-groq").setEventHeadline("NVIDIA to acquire Groq for $20B")
            .setEventType(EventType.ACQUISITION).setEventTime(Instant.parse("2025-12-24T00:00:00Z")).setStance(Stance.CHALLENGES)
            .setMagnitude(0.8).setOrder(1).setPath(List.of("tic")).setSignals(List.of()).setWhy("inference stays distinct")
            .setEventUrl("https://example.com/groq").setRuleLocation("Training-inference convergence.md:89")
            .setThesisLink("obsidian://open?vault=v&file=T.md").build();
    private static final ThesisAlert ALERT = ThesisAlert.newBuilder().setId("alert-1").setThesisId("tic")
            .setThesisTitle("Training-inference convergence").setPreviousStatus(ThesisStatus.STEADY).setStatus(ThesisStatus.CHALLENGED)
            .setScore(-0.8).setCause(CAUSE).build();

    @Test
    void slackGetsTextAndBlocksWithTheSourceAndTheNote() throws Exception {
        AlertMessage message = AlertMessage.of(ALERT, AlertMessage.Format.SLACK);

        JsonNode json = new ObjectMapper().readTree(message.body());
        assertThat(message.id()).isEqualTo("alert-1");
        assertThat(json.get("text").asText())
                .isEqualTo("Training-inference convergence: STEADY → CHALLENGED (score -0.80), after NVIDIA to acquire Groq for $20B");
        assertThat(json.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(json.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(json.at("/blocks/1/elements/0/text").asText()).isEqualTo(
                "<https://example.com/groq|source> · <obsidian://open?vault=v&file=T.md|open the note> · rule at Training-inference convergence.md:89");
    }

    @Test
    void jsonIsTheRecordsOwnJsonFormKeyedByItsId() throws Exception {
        AlertMessage message = AlertMessage.of(CAUSE, AlertMessage.Format.JSON);

        JsonNode json = new ObjectMapper().readTree(message.body());
        assertThat(message.id()).isEqualTo("impact-1");
        assertThat(json.get("id").asText()).isEqualTo("impact-1");
        assertThat(json.get("eventUrl").asText()).isEqualTo("https://example.com/groq");
        assertThat(json.get("stance").asText()).isEqualTo("CHALLENGES");
    }
}
