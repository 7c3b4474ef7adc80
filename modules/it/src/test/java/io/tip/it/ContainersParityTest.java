package io.tip.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Issue 7, Testcontainers parity: the headline scenario against {@code apache/kafka} and a Confluent
 * schema registry in containers. Runs only with {@code -Dit.containers=true} and a Docker engine;
 * skips with the reason otherwise (the development machines have no Docker).
 */
class ContainersParityTest {

    @BeforeEach
    void onlyWithDocker() {
        assumeTrue(Boolean.getBoolean("it.containers"),
                "Testcontainers parity skipped: run with -Dit.containers=true on a machine with a Docker engine");
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "Testcontainers parity skipped: -Dit.containers=true was given but no Docker engine is reachable");
    }

    @Test
    void theHeadlineCaseRunsTheSameOnApacheKafkaAndASchemaRegistryInContainers(@TempDir Path dir) {
        try (Network network = Network.newNetwork();
             KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"))
                     .withNetwork(network).withNetworkAliases("kafka")
                     .withListener("kafka:19092");
             GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
                     .withNetwork(network).withExposedPorts(8081)
                     .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                     .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                     .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                     .waitingFor(Wait.forHttp("/subjects").forStatusCode(200))) {
            kafka.start();
            registry.dependsOn(kafka).start();
            HeadlineScenario.run(kafka.getBootstrapServers(),
                    "http://" + registry.getHost() + ":" + registry.getMappedPort(8081), dir.resolve("streams"));
        }
    }
}
