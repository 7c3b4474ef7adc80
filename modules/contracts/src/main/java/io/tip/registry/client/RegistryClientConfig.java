package io.tip.registry.client;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** How to reach the registry: Confluent's config names, so existing client configs work unchanged. */
public class RegistryClientConfig extends AbstractConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** Credentials from {@value #BASIC_AUTH_USER_INFO}. */
    public static final String SOURCE_USER_INFO = "USER_INFO";
    /** Credentials from the user-info part of the registry URL (http://user:pass@host). */
    public static final String SOURCE_URL = "URL";

    public RegistryClientConfig(Map<String, ?> props) {
        super(definition(), props, false);
    }

    /** The registry keys; serde configs build on this so each key is declared once. */
    public static ConfigDef definition() {
        return new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH,
                "Comma-separated registry URLs, e.g. http://localhost:8081; the client fails over to the next on connection failure.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, SOURCE_URL,
                ConfigDef.CaseInsensitiveValidString.in(SOURCE_USER_INFO, SOURCE_URL), Importance.MEDIUM,
                "Where HTTP basic-auth credentials come from: USER_INFO (basic.auth.user.info) or URL (user:pass@ in the URL).")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                "user:password for HTTP basic auth when basic.auth.credentials.source=USER_INFO.");
    }

    public List<String> urls() {
        List<String> urls = getList(SCHEMA_REGISTRY_URL).stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is not set: point it at the schema registry, e.g. "
                + "http://localhost:8081 (`./tip dev` starts one locally)");
        }
        return urls;
    }

    /** user:password from {@value #BASIC_AUTH_USER_INFO}, or null to use the URL's user info (if any). */
    public String userInfo() {
        if (!SOURCE_USER_INFO.equalsIgnoreCase(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            return null;
        }
        var password = getPassword(BASIC_AUTH_USER_INFO);
        if (password == null || !password.value().contains(":")) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password when "
                + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO);
        }
        return password.value();
    }
}
