package io.tip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.junit.jupiter.api.Test;

import io.tip.engine.internal.process.DeadLetterHandler;
import io.tip.registry.client.RegistryUnavailableException;
import io.tip.registry.client.RegistryUnreachableException;

class DeadLetterHandlerTest {

    @Test
    void anUnreachableRegistryFailsTheTaskInsteadOfDeadLetteringAGoodRecord() {
        // Given a record that could not be read only because the registry was down
        Exception outage = new SerializationException("cannot deserialize",
                new RegistryUnreachableException("schema registry unreachable at http://registry:8081", null));

        // When the handler decides
        var response = new DeadLetterHandler().handleError(null, null, outage);

        // Then nothing is dead-lettered and the record will be read again
        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void aRegistryAnswering503Or401Or429FailsTheTaskToo() {
        // Given a record that could not be read because every registry answered an error about itself
        Exception busy = new SerializationException("cannot read record from topic market-events",
                new RegistryUnavailableException("registry at http://registry:8081 answered HTTP 503: Error while forwarding the request to the leader", 50003));

        // When the handler decides
        var response = new DeadLetterHandler().handleError(null, null, busy);

        // Then it is not a dead letter: the record is read again once the registry answers
        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }
}
