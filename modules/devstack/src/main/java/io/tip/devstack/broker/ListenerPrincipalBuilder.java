package io.tip.devstack.broker;

import org.apache.kafka.common.security.auth.AuthenticationContext;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;

/**
 * Kafka's own principal builder, except that connections on the registry's listener are
 * {@link BrokerSecurity#REGISTRY_USER} rather than {@code ANONYMOUS}, so ACLs can confine them to
 * the registry's topic. Kafka instantiates it by name with no arguments; SCRAM and PLAIN need no
 * Kerberos or SSL name mapping, hence the nulls. It stays a {@code KafkaPrincipalSerde}, as KRaft
 * requires to forward requests to the controller.
 */
public final class ListenerPrincipalBuilder extends DefaultKafkaPrincipalBuilder {
    public ListenerPrincipalBuilder() {
        super(null, null);
    }

    @Override
    public KafkaPrincipal build(AuthenticationContext context) {
        if (BrokerSecurity.REGISTRY_LISTENER.equals(context.listenerName())) {
            return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, BrokerSecurity.REGISTRY_USER);
        }
        return super.build(context);
    }
}
