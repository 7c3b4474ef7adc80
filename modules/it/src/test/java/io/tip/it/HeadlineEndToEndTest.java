package io.tip.it;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4, end to end: the NVIDIA–Groq headline case on the embedded broker, registry over HTTP. */
class HeadlineEndToEndTest {

    @Test
    void groqAcquisitionChallengesConvergenceAndReachesItsImplicationsAsReview(@TempDir Path dir) {
        try (TestStack stack = TestStack.start(dir)) {
            HeadlineScenario.run(stack.bootstrapServers(), stack.registryUrl(), dir.resolve("streams"));
        }
    }
}
