package io.tip.devstack.registry;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of tip's schema registry server (`tip dev`, `tip run --embedded`, `tip registry`): where it
 * listens, who may use it, and how large a request or schema may be.
 */
public final class RegistryServerSettings extends AbstractConfig {
    public static final String BIND_ADDRESS = "registry.bind.address";
    public static final String AUTH_USERS = "registry.auth.users";
    public static final String AUTH_USERS_FILE = "registry.auth.users.file";
    public static final String MAX_REQUEST_BYTES = "registry.max.request.bytes";
    public static final String MAX_SCHEMA_BYTES = "registry.max.schema.bytes";
    public static final String MAX_SCHEMA_DEPTH = "registry.max.schema.depth";
    public static final String MAX_ENUM_SYMBOLS = "registry.max.enum.symbols";

    public static final ConfigDef CONFIG = new ConfigDef()
        .define(BIND_ADDRESS, Type.STRING, SchemaRegistryServerConfig.LOOPBACK, new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.MEDIUM,
            "Address the schema registry of `tip dev` and `tip run --embedded` listens on. The default serves this machine "
                + "only; 0.0.0.0 (every interface) opens it to other hosts, which the registry logs at start-up. `tip registry` "
                + "takes its address from --listeners instead; `tip demo` always serves this machine only.")
        .define(AUTH_USERS, Type.PASSWORD, null, ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null) {
                RegistryUsers.from(((Password) value).value(), "");
            }
        }, () -> "user:password:role;..."), Importance.MEDIUM,
            "Users of the schema registry, `user:password:role` separated by `;` (role `admin` or `read-only`). With this or "
                + AUTH_USERS_FILE + " set, every request needs HTTP basic auth; read-only users may only read and look up.")
        .define(AUTH_USERS_FILE, Type.STRING, "", ConfigDef.LambdaValidator.with((name, value) -> {
            String path = ((String) value).trim();
            if (!path.isEmpty() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(path))) {
                throw new org.apache.kafka.common.config.ConfigException(name + ": cannot read the file " + path);
            }
        }, () -> "a readable file, or empty"), Importance.MEDIUM,
            "File of schema registry users, one `user: password,role` a line (Jetty's and Confluent's password-file layout; "
                + "# starts a comment). Combined with " + AUTH_USERS + ".")
        .define(MAX_REQUEST_BYTES, Type.INT, 1024 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
            "Largest request body the schema registry reads, chunked or not (413 above it, without reading the rest).")
        .define(MAX_SCHEMA_BYTES, Type.INT, 256 * 1024, Range.between(1024, 64 * 1024 * 1024), Importance.LOW,
            "Largest schema text the schema registry accepts, in UTF-8 bytes (422 / 42201 above it).")
        .define(MAX_SCHEMA_DEPTH, Type.INT, 64, Range.between(1, 1000), Importance.LOW,
            "Deepest nesting of records, arrays, maps and unions in a schema the registry accepts (422 / 42201 deeper).")
        .define(MAX_ENUM_SYMBOLS, Type.INT, 2_000, Range.between(1, 1_000_000), Importance.LOW,
            "Most symbols of one enum the schema registry accepts (422 / 42201 above it): Avro 1.12's compatibility check "
                + "compares enum symbols in quadratic time (one check took 39 ms at 2,000 symbols, 3.3 s at 30,000).");

    private final RegistryUsers users;

    /** Reads the users (file included) at once, so a malformed entry is an error at start-up. */
    public RegistryServerSettings(Map<?, ?> originals) {
        super(CONFIG, originals, false);
        Password inline = getPassword(AUTH_USERS);
        this.users = RegistryUsers.from(inline == null ? "" : inline.value(), getString(AUTH_USERS_FILE));
    }

    /** Every setting at its default. */
    public static RegistryServerSettings defaults() {
        return new RegistryServerSettings(Map.of());
    }

    public String bindAddress() {
        return getString(BIND_ADDRESS);
    }

    RegistryLimits limits() {
        return new RegistryLimits(getInt(MAX_REQUEST_BYTES), getInt(MAX_SCHEMA_BYTES), getInt(MAX_SCHEMA_DEPTH),
            getInt(MAX_ENUM_SYMBOLS));
    }

    RegistryUsers users() {
        return users;
    }
}
