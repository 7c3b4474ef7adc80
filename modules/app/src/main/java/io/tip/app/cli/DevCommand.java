package io.tip.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tip.app.config.SettingsOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.security.CredentialFiles;
import io.tip.app.security.DevAccess;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.registry.RegistryServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run only a local Kafka broker and schema registry, kept in DATA, until Ctrl-C.",
        footer = {"", "Examples:", "  tip dev --data .tip/dev --kafka-port 9092 --registry-port 8081",
                "  then, in another terminal: tip load examples/vault && tip run",
                "  tip dev -D registry.bind.address=0.0.0.0 -D registry.auth.users.file=registry-users.properties",
                "      (the registry open to other hosts, with HTTP basic auth; Kafka stays on localhost)",
                "  tip dev --secure --analyst semis-desk   (SASL/SCRAM + ACLs; credentials in .tip/dev/credentials)",
                "  then: tip run --config .tip/dev/credentials/pipeline.properties"})
public final class DevCommand implements Callable<Integer> {

    @Mixin
    LocalStackOptions local;

    @Mixin
    SettingsOptions source;

    @Option(names = "--secure", description = "Clients must authenticate (SASL/SCRAM-SHA-512) and may do only what ACLs allow: "
            + "creates the principals admin, producer, loader, pipeline and analyst-NAME per --analyst, and writes their credentials.")
    boolean secure;

    @Option(names = "--analyst", paramLabel = "NAME", description = "With --secure: a principal analyst-NAME that may read only "
            + "the subscription topic impacts.NAME (repeatable).")
    List<String> analysts = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "DIR", description = "With --secure: where each principal's client properties "
            + "file goes, readable by you only (default: DATA/credentials).")
    Path credentials;

    @Override
    public Integer call() throws InterruptedException {
        if (!secure && (!analysts.isEmpty() || credentials != null)) {
            throw new UserError("--analyst and --credentials only apply with --secure");
        }
        analysts.forEach(SubscribeCommand::checkedName);
        CountDownLatch stopped = new CountDownLatch(1);
        TipSettings settings = source.settings();
        RegistryServerSettings registry = settings.registryServer();
        EmbeddedStack stack = LocalStack.start(local.stack(registry), secure);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "tip-dev-shutdown"));
        System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers() + (secure ? " (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs)" : ""));
        System.out.println("Schema registry URL:     " + stack.registryUrl() + LocalStack.exposure(registry.bindAddress()));
        if (secure) {
            Path folder = credentials != null ? credentials : local.data.resolve("credentials");
            Map<String, Path> files = DevAccess.provision(stack, settings, analysts, new CredentialFiles(folder));
            System.out.println("Credentials (client properties, readable by you only; use with --config FILE):");
            files.forEach((principal, file) -> System.out.println("  " + String.format("%-12s", principal) + " " + file));
        }
        System.out.println("Data kept in " + local.data.toAbsolutePath() + ". Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
