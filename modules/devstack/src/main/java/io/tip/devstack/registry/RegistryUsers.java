package io.tip.devstack.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * Who may use the registry, from {@value RegistryServerSettings#AUTH_USERS} and
 * {@value RegistryServerSettings#AUTH_USERS_FILE}. Only SHA-256 hashes of the passwords are kept, and
 * a login compares hashes with {@link MessageDigest#isEqual} (constant time), hashing even for an unknown
 * user, so the answer time does not tell which part was wrong.
 */
final class RegistryUsers {
    enum Role {
        READ_ONLY("read-only"), ADMIN("admin");

        final String label;

        Role(String label) {
            this.label = label;
        }

        static Optional<Role> parse(String text) {
            for (Role role : values()) {
                if (role.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    private record User(byte[] passwordHash, Role role) {
    }

    private static final byte[] UNKNOWN_USER_HASH = sha256("no such user");
    private final Map<String, User> users;

    private RegistryUsers(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /** {@code inline}: {@code user:password:role;...}; {@code file}: lines of {@code user: password,role}. Empty = no auth. */
    static RegistryUsers from(String inline, String file) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String entry : inline.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int firstColon = entry.indexOf(':');
            int lastColon = entry.lastIndexOf(':');
            if (firstColon <= 0 || lastColon == firstColon) {
                throw new ConfigException(RegistryServerSettings.AUTH_USERS + " has an entry that is not user:password:role");
            }
            add(users, entry.substring(0, firstColon).trim(), entry.substring(firstColon + 1, lastColon),
                entry.substring(lastColon + 1), RegistryServerSettings.AUTH_USERS);
        }
        if (!file.isBlank()) {
            readFile(Path.of(file), users);
        }
        return new RegistryUsers(users);
    }

    private static void readFile(Path file, Map<String, User> users) {
        String where = RegistryServerSettings.AUTH_USERS_FILE + " " + file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + where + ": " + e.getClass().getSimpleName());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            int comma = line.lastIndexOf(',');
            if (colon <= 0 || comma < colon) {
                throw new ConfigException(where + ", line " + (i + 1) + ": expected `user: password,role`");
            }
            add(users, line.substring(0, colon).trim(), line.substring(colon + 1, comma).trim(), line.substring(comma + 1),
                where + ", line " + (i + 1));
        }
    }

    private static void add(Map<String, User> users, String name, String password, String roleText, String where) {
        Role role = Role.parse(roleText).orElseThrow(() -> new ConfigException(where
            + ": a role must be `admin` or `read-only`"));
        if (name.isEmpty() || password.isEmpty()) {
            throw new ConfigException(where + ": a user needs a name and a password");
        }
        users.put(name, new User(sha256(password), role));
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    /** The role of whoever sent this {@code Authorization} header; empty when it is missing, malformed or wrong. */
    Optional<Role> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        User user = users.get(decoded.substring(0, colon));
        byte[] given = sha256(decoded.substring(colon + 1));
        boolean matches = MessageDigest.isEqual(user == null ? UNKNOWN_USER_HASH : user.passwordHash(), given);
        return matches && user != null ? Optional.of(user.role()) : Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
