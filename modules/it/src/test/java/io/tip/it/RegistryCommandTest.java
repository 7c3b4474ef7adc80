package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.broker.EmbeddedKafka;
import io.tip.devstack.broker.EmbeddedKafkaConfig;
import io.tip.devstack.registry.RegistryServerSettings;

/** `tip registry` (the registry alone, as its own process, on a broker that already runs) and `tip dev`'s registry. */
class RegistryCommandTest {
    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void servesSchemasFromItsTopicAcrossARestart(@TempDir Path dir) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.in(dir.resolve("kafka")))) {
            // Given `tip registry` on the broker, addressed the way Confluent's settings write it
            String[] args = {"registry", "--bootstrap-servers", "PLAINTEXT://" + kafka.bootstrapServers(),
                    "--listeners", "http://127.0.0.1:0", "--topic", "_schemas_cli"};
            Schema schema = ConfluentWire.parse(Repo.marketEventSchema());
            GenericRecord event = GenericEvents.groqLike(schema, "registry-cli", "ACQUISITION");
            byte[] framed;
            try (TipProcess registry = TipProcess.start(dir.resolve("logs"), "registry", args)) {
                // When a producer that has only the .avsc registers it and frames a record
                int id = new PlainAvroClient(url(registry)).register("market-events-value", schema);
                framed = ConfluentWire.encode(id, schema, event);
                assertThat(registry.stop()).isIn(0, 143);
            }
            // Then a restarted registry still knows the schema by its id, read back from the topic
            try (TipProcess again = TipProcess.start(dir.resolve("logs"), "registry-again", args)) {
                PlainAvroClient consumer = new PlainAvroClient(url(again));
                assertThat(consumer.decode(framed).get("headline").toString()).isEqualTo(event.get("headline"));
                assertThat(again.stop()).isIn(0, 143);
            }
        }
    }

    @Test
    void theRegistryServesThisMachineOnlyUnlessOpenedAndThenSaysSo(@TempDir Path dir) throws Exception {
        InetAddress otherInterface = nonLoopbackAddress();
        // Given `tip dev` with its defaults (free ports)
        try (TipProcess dev = TipProcess.start(dir.resolve("logs"), "dev", "dev", "--data", dir.resolve("dev").toString(),
                "--kafka-port", "0", "--registry-port", "0")) {
            var line = dev.awaitOutput("Schema registry URL: +http://localhost:(\\d+)(.*)", START);
            int port = Integer.parseInt(line.group(1));
            // Then its registry answers on loopback only, and says nothing of other hosts
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThat(connects(otherInterface, port)).as("tip dev's registry reachable on " + otherInterface).isFalse();
            assertThat(line.group(2)).isEmpty();
            String kafka = dev.awaitOutput("Kafka bootstrap servers: (\\S+)", START).group(1);

            // When `tip registry` is opened to every interface, with a user
            try (TipProcess open = TipProcess.start(dir.resolve("logs"), "registry-open", "registry", "--bootstrap-servers", kafka,
                    "--listeners", "http://0.0.0.0:0", "--topic", "_schemas_open", "-D", "registry.auth.users=ops:pa55:admin")) {
                var opened = open.awaitOutput("Schema registry on http://0\\.0\\.0\\.0:(\\d+).*\\(listening on 0\\.0\\.0\\.0: open to other hosts\\)", START);
                int openPort = Integer.parseInt(opened.group(1));
                // Then it says so (stdout and its log), other hosts reach it, and it asks them for credentials
                open.awaitOutput("schema registry is open to other hosts: it listens on 0\\.0\\.0\\.0:" + openPort, START);
                String base = "http://" + otherInterface.getHostAddress() + ":" + openPort;
                assertThat(get(base + "/subjects", null)).isEqualTo(401);
                assertThat(get(base + "/subjects", "ops:pa55")).isEqualTo(200);
                assertThat(open.stop()).isIn(0, 143);
            }
            assertThat(dev.stop()).isIn(0, 130, 143);
        }

        // And the embedded stack (tip run --embedded, tip demo, the tests): loopback by default, other hosts with the setting
        try (EmbeddedStack closed = EmbeddedStack.start(EmbeddedStackConfig.in(dir.resolve("closed")));
             EmbeddedStack open = EmbeddedStack.start(EmbeddedStackConfig.in(dir.resolve("open"))
                     .withRegistry(new RegistryServerSettings(Map.of(RegistryServerSettings.BIND_ADDRESS, "0.0.0.0"))))) {
            assertThat(connects(otherInterface, URI.create(closed.registryUrl()).getPort())).isFalse();
            assertThat(connects(InetAddress.getLoopbackAddress(), URI.create(closed.registryUrl()).getPort())).isTrue();
            assertThat(connects(otherInterface, URI.create(open.registryUrl()).getPort())).isTrue();
        }
    }

    private static int get(String url, String userInfo) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An address of this machine other hosts could use; every machine that runs the tests has one. */
    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : nic.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        throw new IllegalStateException("this test needs a network interface besides loopback");
    }

    private static String url(TipProcess registry) {
        return "http://127.0.0.1:" + registry.awaitOutput("Schema registry on http://127\\.0\\.0\\.1:(\\d+)", START).group(1);
    }
}
