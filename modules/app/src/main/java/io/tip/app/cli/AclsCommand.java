package io.tip.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.acl.AclBinding;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.security.AccessPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "The ACLs each tip principal needs on a secured cluster (producer, loader, pipeline, analyst-NAME; admin is a "
                + "super user), for the topic names and application.id of these settings: printed as kafka-acls.sh commands, "
                + "or created with --apply through the Admin API (connect as a super user).",
        footer = {"", "Examples:", "  tip acls --analyst semis-desk                                  (print the kafka-acls.sh commands)",
                "  tip acls --analyst semis-desk --apply --config admin.properties  (create them)"})
public final class AclsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--analyst", paramLabel = "NAME", description = "A principal analyst-NAME that may read only impacts.NAME (repeatable).")
    List<String> analysts = new ArrayList<>();

    @Option(names = "--apply", description = "Create the ACLs on the cluster (existing ones are kept) instead of printing commands.")
    boolean apply;

    @Override
    public Integer call() throws InterruptedException {
        analysts.forEach(SubscribeCommand::checkedName);
        TipSettings settings = connection.settings();
        Map<String, List<AclBinding>> acls = AccessPlan.of(settings).acls(analysts);
        if (!apply) {
            AccessPlan.kafkaAclsCommands(acls, settings.app().bootstrapServers(), "admin.properties").forEach(System.out::println);
            return 0;
        }
        List<AclBinding> all = new ArrayList<>();
        acls.values().forEach(all::addAll);
        try (KafkaCluster cluster = KafkaCluster.connect(settings.kafka())) {
            cluster.admin().createAcls(all).all().get();
        } catch (ExecutionException e) {
            throw new UserError("cannot create the ACLs on " + settings.app().bootstrapServers() + ": " + e.getCause().getMessage()
                    + " (connect as a super user, e.g. --config admin.properties)");
        }
        System.out.println("ACLs in place for " + String.join(", ", acls.keySet()) + " (" + all.size() + " bindings)");
        return 0;
    }
}
