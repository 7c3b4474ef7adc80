package io.tip.app.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.SaslConfigs;

/**
 * One properties file per principal in a folder only its owner may open, each holding what a tip command
 * ({@code --config FILE}) or a Kafka tool ({@code --command-config FILE}) needs to connect as that principal.
 * A principal whose file exists keeps its password, so a restarted {@code tip dev --secure} does not lock
 * out the processes already using it.
 */
public final class CredentialFiles {
    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    private final Path folder;

    public CredentialFiles(Path folder) {
        this.folder = folder;
    }

    public Path file(String principal) {
        return folder.resolve(principal + ".properties");
    }

    /** The password in the principal's file, or a new one from {@code fresh} when it has none. */
    public String passwordOf(String principal, Supplier<String> fresh) {
        Path file = file(principal);
        if (Files.isReadable(file)) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            Matcher m = PASSWORD.matcher(props.getProperty(SaslConfigs.SASL_JAAS_CONFIG, ""));
            if (m.find()) {
                return m.group(1);
            }
        }
        return fresh.get();
    }

    /** Writes the principal's file (owner read/write only) with {@code settings} in order, after a comment. */
    public Path write(String principal, String comment, Map<String, Object> settings) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path file = file(principal);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("# " + comment + "\n");
                for (Map.Entry<String, Object> setting : new LinkedHashMap<>(settings).entrySet()) {
                    out.write(setting.getKey() + "=" + setting.getValue() + "\n");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials of " + principal + " to " + folder, e);
        }
    }
}
