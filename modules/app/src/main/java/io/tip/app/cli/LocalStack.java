package io.tip.app.cli;

import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.registry.SchemaRegistryServer;

/** Starts the embedded broker and registry, turning the usual failure (a port in use) into advice. */
final class LocalStack {
    private LocalStack() {
    }

    static EmbeddedStack start(EmbeddedStackConfig config) {
        return start(config, false);
    }

    /** {@code secured}: clients authenticate with SASL/SCRAM-SHA-512 and ACLs decide what they may do. */
    static EmbeddedStack start(EmbeddedStackConfig config, boolean secured) {
        try {
            return secured ? EmbeddedStack.startSecured(config) : EmbeddedStack.start(config);
        } catch (RuntimeException e) {
            throw new UserError("cannot start the local Kafka and schema registry (" + rootMessage(e) + ") — is another `tip dev` "
                    + "or Kafka using the port? Pick others with --kafka-port / --registry-port (0 = any free port)");
        }
    }

    /** What to add after the registry's URL when other hosts can reach it. */
    static String exposure(String bindAddress) {
        return SchemaRegistryServer.isLoopback(bindAddress) ? "" : "  (listening on " + bindAddress + ": open to other hosts)";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
