package io.tip.devstack.broker;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The listeners of a secured {@link EmbeddedKafka} and what each one asks of a client.
 * <ul>
 * <li>{@code CLIENT}: every client, SASL/SCRAM-SHA-512 (the password never crosses the wire, unlike PLAIN).</li>
 * <li>{@code INTERNAL} and {@code CONTROLLER}: the broker talking to itself (transaction markers, the
 * controller quorum) as {@value #BROKER_USER}, SASL/PLAIN with a password made for this process only.
 * SCRAM cannot serve here: KRaft keeps SCRAM credentials in the metadata log, which the controller
 * listener must already work to read (the Kafka docs and KAFKA-15513 use PLAIN on the controller listener).</li>
 * <li>{@code REGISTRY}: the schema registry server of the dev stack, which has no SASL client settings; a
 * plaintext listener on loopback whose connections Kafka treats as {@value #REGISTRY_USER}, a principal
 * allowed only on the registry's topic. A local process connecting there gets what the registry's own
 * HTTP port on loopback already gives it, nothing more.</li>
 * </ul>
 * The {@code StandardAuthorizer} (KRaft's) denies whatever no ACL allows; {@value #BROKER_USER} and
 * {@value #ADMIN_USER} are super users.
 */
public final class BrokerSecurity {
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** The super user operators and tools that set ACLs and credentials authenticate as. */
    public static final String ADMIN_USER = "admin";
    /** The principal the broker itself is on its internal and controller listeners. */
    public static final String BROKER_USER = "broker";
    /** The principal every connection to the registry's listener is. */
    public static final String REGISTRY_USER = "schema-registry";
    static final String CLIENT_LISTENER = "CLIENT";
    static final String INTERNAL_LISTENER = "INTERNAL";
    static final String REGISTRY_LISTENER = "REGISTRY";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerSecurity() {
    }

    /** 24 random bytes, URL-safe Base64 (32 characters, no quote or backslash to escape in a JAAS line). */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a Kafka client needs to reach the {@code CLIENT} listener as {@code user}. */
    public static Map<String, Object> scramClient(String bootstrapServers, String user, String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password, false));
        return settings;
    }

    /** What a client needs to reach the {@code INTERNAL} listener as the broker's own (super) user. */
    static Map<String, Object> plainClient(String bootstrapServers, String brokerPassword) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.plain.PlainLoginModule", BROKER_USER, brokerPassword, false));
        return settings;
    }

    /** The listener and authorizer settings of a secured broker. */
    static Properties serverProperties(Ports ports, String brokerPassword) {
        Properties p = new Properties();
        p.put("listeners", CLIENT_LISTENER + "://localhost:" + ports.client() + "," + INTERNAL_LISTENER + "://localhost:" + ports.internal()
                + "," + REGISTRY_LISTENER + "://localhost:" + ports.registry() + "," + CONTROLLER_LISTENER + "://localhost:" + ports.controller());
        p.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + ports.client() + "," + INTERNAL_LISTENER + "://localhost:"
                + ports.internal() + "," + REGISTRY_LISTENER + "://localhost:" + ports.registry());
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + INTERNAL_LISTENER + ":SASL_PLAINTEXT,"
                + REGISTRY_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", INTERNAL_LISTENER);
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.client.sasl.enabled.mechanisms", SCRAM_MECHANISM);
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        String brokerJaas = jaas("org.apache.kafka.common.security.plain.PlainLoginModule", BROKER_USER, brokerPassword, true);
        for (String listener : new String[] {INTERNAL_LISTENER, CONTROLLER_LISTENER}) {
            String name = listener.toLowerCase(java.util.Locale.ROOT);
            p.put("listener.name." + name + ".sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name." + name + ".plain.sasl.jaas.config", brokerJaas);
        }
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + BROKER_USER + ";User:" + ADMIN_USER);
        p.put("principal.builder.class", ListenerPrincipalBuilder.class.getName());
        return p;
    }

    /** A JAAS line; {@code serverSide} adds the PLAIN user table the broker checks logins against. */
    private static String jaas(String module, String user, String password, boolean serverSide) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\""
                + (serverSide ? " user_" + user + "=\"" + password + "\"" : "") + ";";
    }

    /** The ports of a secured broker's listeners. */
    record Ports(int client, int internal, int registry, int controller) {
    }
}
