package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;

import io.tip.app.Tip;

/**
 * Testcontainers parity: Kafka, the schema registry and tip each in its own container on a Docker
 * network — the images docker-compose.yml runs — give the impacts the reference run gives. The
 * outside world is the test: a producer that has only the .avsc, and a consumer of thesis-impacts.
 */
@ExtendWith(DockerContainers.class)
class ContainersParityTest {
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration OUTPUT = Duration.ofMinutes(3);
    private static final String CONVERGENCE = HeadlineScenario.CONVERGENCE;

    @Test
    void theHeadlineCaseRunsOnKafkaARegistryAndTipInContainersAndSurvivesARestartOfTip(@TempDir Path dir) throws Exception {
        try (Network network = Network.newNetwork();
             // a listener for the host (getBootstrapServers) and one for the other containers (kafka:19092)
             KafkaContainer kafka = new KafkaContainer(DockerContainers.kafka())
                     .withNetwork(network).withNetworkAliases("kafka").withListener("kafka:19092")
                     .withLogConsumer(DockerContainers.logTo("parity-kafka"));
             GenericContainer<?> registry = new GenericContainer<>(DockerContainers.registry())
                     .withNetwork(network).withNetworkAliases("schema-registry").withExposedPorts(8081)
                     .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                     .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                     .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                     .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(START))
                     .withLogConsumer(DockerContainers.logTo("parity-registry"));
             GenericContainer<?> tip = new GenericContainer<>(DockerContainers.tip())
                     .withNetwork(network).withNetworkAliases("tip").withExposedPorts(8080)
                     .withCommand("run")
                     .withEnv("TIP_BOOTSTRAP_SERVERS", "kafka:19092")
                     .withEnv("TIP_SCHEMA_REGISTRY_URL", "http://schema-registry:8081")
                     .withEnv("TIP_APPLICATION_ID", "tip-parity")
                     .withEnv("TIP_HTTP_ADVERTISED_HOST", "tip")
                     .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200).withStartupTimeout(START))
                     .withLogConsumer(DockerContainers.logTo("parity-tip"))) {
            // Given Kafka and the registry in containers, the example vault loaded from the host,
            kafka.start();
            registry.start();
            String bootstrap = kafka.getBootstrapServers();
            String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
            String[] connection = {"--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl};
            assertThat(Tip.run(HeadlineScenario.concat(new String[] {"load", Repo.exampleVault().toString()}, connection))).isZero();
            // and tip's image running `tip run` against them over the Docker network
            tip.start();

            try (CommittedTopic<byte[], byte[]> impacts = CommittedTopic.raw(bootstrap, "thesis-impacts")) {
                PlainAvroClient plain = new PlainAvroClient(registryUrl);

                // When the example events are published, and a producer that has only the .avsc sends one more
                assertThat(Tip.run(HeadlineScenario.concat(new String[] {"publish", Repo.exampleEvents().toString()}, connection))).isZero();
                GenericEvents.publishGroqLike(bootstrap, plain, "generic-groq");

                // Then a consumer that decodes with the registry alone reads every impact the reference run gives,
                ReferenceRun expected = ReferenceRun.of(Repo.exampleVault(), EventStream.examples());
                await("the reference impacts on thesis-impacts").atMost(OUTPUT).untilAsserted(() ->
                        assertThat(countById(decoded(impacts, plain))).containsAllEntriesOf(ReferenceCounts.ones(expected.impactsById().keySet())));
                List<GenericRecord> all = decoded(impacts, plain);
                // the headline among them: Groq challenges convergence, and its implications get a REVIEW
                assertThat(all).filteredOn(i -> i.get("eventId").toString().equals(HeadlineScenario.GROQ_EVENT))
                        .extracting(i -> i.get("thesisId").toString(), i -> i.get("stance").toString(), i -> i.get("order"))
                        .containsExactlyInAnyOrder(tuple(CONVERGENCE, "CHALLENGES", 1),
                                tuple(HeadlineScenario.LONG_BROADCOM, "REVIEW", 2), tuple(HeadlineScenario.INFERENCE_ECONOMICS, "REVIEW", 2));
                // and the generic producer's event challenges convergence too
                await("the impact of the generic producer's event").atMost(OUTPUT).until(() -> decoded(impacts, plain).stream()
                        .anyMatch(i -> i.get("eventId").toString().equals("generic-groq") && i.get("thesisId").toString().equals(CONVERGENCE)
                                && i.get("stance").toString().equals("CHALLENGES")));

                // When the tip container is stopped (SIGTERM), events arrive while it is down, and it is started again
                DockerClient docker = DockerClientFactory.instance().client();
                docker.stopContainerCmd(tip.getContainerId()).withTimeout(60).exec();
                assertThat(docker.inspectContainerCmd(tip.getContainerId()).exec().getState().getExitCodeLong())
                        .as("exit code of tip run after SIGTERM").isIn(0L, 143L);
                Path later = dir.resolve("while-down.jsonl");
                EventStream.writeRenamed(Repo.exampleEvents(), "while-down-", later);
                assertThat(Tip.run(HeadlineScenario.concat(new String[] {"publish", later.toString()}, connection))).isZero();
                docker.startContainerCmd(tip.getContainerId()).exec();
                TipHttp http = new TipHttp(hostPort(docker, tip.getContainerId(), 8080));
                await("tip ready again").atMost(START).until(() -> http.get("/health/ready").status() == 200);

                // Then nothing is lost and nothing is there twice
                ReferenceRun whileDown = ReferenceRun.of(Repo.exampleVault(), EventStream.read(later));
                await("the impacts of the events published while tip was down").atMost(OUTPUT).untilAsserted(() ->
                        assertThat(countById(decoded(impacts, plain))).containsAllEntriesOf(ReferenceCounts.ones(whileDown.impactsById().keySet())));
                assertThat(countById(decoded(impacts, plain)).values()).as("no impact twice").containsOnly(1);
                // and the restarted container's HTTP API serves the state it restored
                await("GET /api/theses/" + CONVERGENCE + " after the restart").atMost(OUTPUT).untilAsserted(() -> {
                    TipHttp.Response r = http.get("/api/theses/" + CONVERGENCE);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    List<String> events = new ArrayList<>();
                    r.json().at("/state/lastImpacts").forEach(i -> events.add(i.get("eventId").asText()));
                    assertThat(events).anyMatch(id -> id.startsWith("while-down-"));
                });
            }
        }
    }

    private static List<GenericRecord> decoded(CommittedTopic<byte[], byte[]> topic, PlainAvroClient plain) {
        return topic.catchUp().stream().map(r -> plain.decode(r.value())).toList();
    }

    private static Map<String, Integer> countById(List<GenericRecord> impacts) {
        Map<String, Integer> counts = new HashMap<>();
        impacts.forEach(i -> counts.merge(i.get("id").toString(), 1, Integer::sum));
        return counts;
    }

    /** The host port Docker gave {@code containerPort} — a new one after each start. */
    private static int hostPort(DockerClient docker, String containerId, int containerPort) {
        Ports.Binding[] bindings = docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(containerPort));
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }
}
