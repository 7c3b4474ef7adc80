package io.tip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.tools.AclCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tip.app.Tip;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.ClientSettings;
import io.tip.app.kafka.VaultPublisher;
import io.tip.app.security.AccessPlan;
import io.tip.app.security.CredentialFiles;
import io.tip.devstack.EmbeddedStack;
import io.tip.devstack.EmbeddedStackConfig;
import io.tip.devstack.broker.BrokerSecurity;
import io.tip.model.topics.Topics;

/**
 * What README and docs/security.md tell an operator of a secured cluster: the commands `tip acls` prints,
 * run by Kafka's own kafka-acls.sh code, create exactly the ACLs `tip dev --secure` grants (AclMatrixTest
 * checks those), and `tip acls --apply` creates the same through the Admin API.
 */
class KafkaAclsCommandsTest {

    @Test
    void thePrintedKafkaAclsCommandsAndApplyCreateThePlansAcls(@TempDir Path dir) throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.startSecured(EmbeddedStackConfig.in(dir.resolve("kafka")))) {
            // Given a secured cluster with a super user, its settings in admin.properties
            String password = BrokerSecurity.newPassword();
            stack.broker().upsertScramUsers(Map.of(BrokerSecurity.ADMIN_USER, password));
            Path admin = new CredentialFiles(dir.resolve("credentials")).write(BrokerSecurity.ADMIN_USER, "test",
                    BrokerSecurity.scramClient(stack.bootstrapServers(), BrokerSecurity.ADMIN_USER, password));
            Topics topics = TipSettings.load(null, Map.of(), Map.of()).topics();
            Set<AclBinding> planned = new HashSet<>();
            new AccessPlan(topics, "tip", VaultPublisher.transactionalId(topics)).acls(List.of("semis-desk")).values().forEach(planned::addAll);

            // When every command `tip acls` prints is run by kafka-acls.sh (AclCommand)
            List<String> commands = printed("acls", "--analyst", "semis-desk", "--bootstrap-servers", stack.bootstrapServers());
            assertThat(commands).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("kafka-acls.sh "));
            Exit.setExitProcedure((code, message) -> {
                if (code != 0) {
                    throw new AssertionError("kafka-acls.sh exited " + code + ": " + message);
                }
            });
            try {
                for (String command : commands) {
                    List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
                    args.remove(0);
                    args.set(args.indexOf("admin.properties"), admin.toString());
                    AclCommand.main(args.toArray(String[]::new));
                }
            } finally {
                Exit.resetExitProcedure();
            }

            // Then the cluster holds exactly the planned ACLs
            Map<String, Object> adminClient = ClientSettings.admin(TipSettings.load(admin, Map.of(), Map.of()).kafka());
            try (Admin client = Admin.create(adminClient)) {
                assertThat(new HashSet<>(client.describeAcls(AclBindingFilter.ANY).values().get()))
                        .filteredOn(b -> !b.entry().principal().equals("User:" + BrokerSecurity.REGISTRY_USER))
                        .containsExactlyInAnyOrderElementsOf(planned);

                // and `tip acls --apply` as admin, for a second analyst, adds exactly that analyst's
                assertThat(Tip.run("acls", "--analyst", "semis-desk", "--analyst", "groq-watch", "--apply", "--config", admin.toString())).isZero();
                Set<AclBinding> withSecond = new HashSet<>();
                new AccessPlan(topics, "tip", VaultPublisher.transactionalId(topics)).acls(List.of("semis-desk", "groq-watch"))
                        .values().forEach(withSecond::addAll);
                assertThat(new HashSet<>(client.describeAcls(AclBindingFilter.ANY).values().get()))
                        .filteredOn(b -> !b.entry().principal().equals("User:" + BrokerSecurity.REGISTRY_USER))
                        .containsExactlyInAnyOrderElementsOf(withSecond);
            }
        }
    }

    private static List<String> printed(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Tip.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
