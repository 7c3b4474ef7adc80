package io.tip.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.devstack.broker.BrokerSecurity;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.CachedSchemaRegistryClient;

/** The secured dev stack: who gets in, who does not, and the registry still works on it. */
class SecuredStackTest {
    @TempDir static Path data;
    private static EmbeddedStack stack;
    private static final String ADMIN_PASSWORD = BrokerSecurity.newPassword();
    private static final String NOBODY_PASSWORD = BrokerSecurity.newPassword();

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.startSecured(EmbeddedStackConfig.in(data));
        stack.broker().upsertScramUsers(Map.of(BrokerSecurity.ADMIN_USER, ADMIN_PASSWORD, "nobody", NOBODY_PASSWORD));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theAdminUserIsASuperUser() throws Exception {
        // Given the admin's SCRAM credentials, When it creates a topic, Then the topic exists
        try (Admin admin = Admin.create(client(BrokerSecurity.ADMIN_USER, ADMIN_PASSWORD))) {
            admin.createTopics(List.of(new NewTopic("admin-made", 1, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("admin-made");
        }
    }

    @Test
    void aUserWithoutAclsIsDenied() {
        // Given a user with valid credentials and no ACL, When it creates a topic, Then it is denied
        try (Admin admin = Admin.create(client("nobody", NOBODY_PASSWORD))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("nobody-made", 1, (short) 1))).all().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordFailsAuthenticationWithoutShowingIt() {
        String wrong = BrokerSecurity.newPassword();
        try (Admin admin = Admin.create(client("nobody", wrong))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class)
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong).doesNotContain(NOBODY_PASSWORD));
        }
    }

    @Test
    void aPlaintextClientGetsNowhere() {
        // Given a client that does not speak SASL, When it asks for the cluster, Then it gets no answer
        Map<String, Object> plain = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(plain)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get()).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void theRegistryStoresSchemasOnTheSecuredBroker() {
        // When a schema is registered, Then it is served back by id (the registry wrote and read _schemas as its own principal)
        var client = CachedSchemaRegistryClient.forUrl(stack.registryUrl());
        int id = client.register("prices-value", TestSchemas.parse(TestSchemas.PRICE));
        assertThat(CachedSchemaRegistryClient.forUrl(stack.registryUrl()).getSchemaById(id)).isEqualTo(TestSchemas.parse(TestSchemas.PRICE));
    }

    @Test
    void theRegistrysListenerReachesOnlyTheSchemasTopic() throws Exception {
        // Given a topic made by admin
        try (Admin admin = Admin.create(client(BrokerSecurity.ADMIN_USER, ADMIN_PASSWORD))) {
            admin.createTopics(List.of(new NewTopic("not-schemas", 1, (short) 1))).all().get();
        }
        // When a client connects to the registry's listener, where it is schema-registry
        Map<String, Object> registryListener = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().registryBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(registryListener)) {
            // Then it sees _schemas, not the other topic, and cannot create one
            assertThat(admin.listTopics().names().get()).contains("_schemas").doesNotContain("not-schemas");
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("registry-made", 1, (short) 1))).all().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> settings = new HashMap<>(BrokerSecurity.scramClient(stack.bootstrapServers(), user, password));
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis());
        return settings;
    }
}
