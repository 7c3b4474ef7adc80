package io.tip.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tip.app.config.ConnectionOptions;
import io.tip.app.config.TipSettings;
import io.tip.app.digest.DailyDigest;
import io.tip.app.kafka.KafkaCluster;
import io.tip.app.kafka.TopicFeed;
import io.tip.model.ThesisAlert;
import io.tip.model.ThesisImpact;
import io.tip.model.topics.Topic;
import io.tip.model.topics.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Write the impacts of a day into the vault as FOLDER/YYYY-MM-DD.md: status changes first, then per thesis "
                + "([[links]]) the direct impacts with why, rule and source, downstream ones collapsed. Running it again "
                + "rewrites the same note; your own notes are never touched, and `tip lint` / `tip load` skip the digest.",
        footer = {"", "Days are UTC, by the time tip published each impact.", "", "Examples:",
                "  tip digest --vault ~/vault                       (today so far)",
                "  tip digest --vault ~/vault --day 2026-11-29",
                "  tip digest --vault ~/vault --since 24h --folder Inbox/Impacts"})
public final class DigestCommand implements Callable<Integer> {
    private static final Pattern SINCE = Pattern.compile("(\\d+)\\s*([mhd])");

    @Option(names = "--vault", paramLabel = "DIR", required = true, description = "The vault to write into.")
    Path vault;

    @ArgGroup(exclusive = true)
    Window window = new Window();

    static final class Window {
        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "That day, 00:00 to 24:00 UTC (default: today so far).")
        String day;

        @Option(names = "--since", paramLabel = "DURATION", description = "The last 30m, 24h, 7d ...; the note is named after today.")
        String since;
    }

    @Option(names = "--folder", paramLabel = "NAME", defaultValue = "Impacts", description = "Folder of the vault for digests (default: ${DEFAULT-VALUE}).")
    String folder;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(vault)) {
            throw new UserError("no vault at " + vault + ": give the folder of your Markdown notes");
        }
        Path dir = vault.resolve(folder).normalize();
        if (!dir.startsWith(vault.normalize()) || folder.isBlank()) {
            throw new UserError("--folder " + folder + " must be a folder inside the vault, e.g. Impacts");
        }
        Instant now = Instant.now();
        LocalDate day;
        Instant from;
        Instant to;
        if (window.since != null) {
            day = LocalDate.ofInstant(now, ZoneOffset.UTC);
            from = now.minus(since(window.since));
            to = now;
        } else {
            day = window.day == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : day(window.day);
            from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        TipSettings settings = connection.settings();
        Topics topics = settings.topics();
        KafkaCluster.requireReachable(settings.kafka());
        List<ThesisImpact> impacts = read(settings, topics.impacts(), from, to);
        List<ThesisAlert> alerts = read(settings, topics.alerts(), from, to);
        Files.createDirectories(dir);
        Path note = dir.resolve(day + ".md");
        Path partial = dir.resolve("." + day + ".md.tmp");
        Files.writeString(partial, DailyDigest.markdown(day, from, to, impacts, alerts), StandardCharsets.UTF_8);
        Files.move(partial, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + note + ": " + impacts.size() + " impact(s), " + alerts.size() + " status change(s)");
        return 0;
    }

    private static <V> List<V> read(TipSettings settings, Topic<String, V> topic, Instant from, Instant to) {
        List<V> values = new ArrayList<>();
        try (TopicFeed<V> feed = new TopicFeed<>(settings.kafka(), topic, true)) {
            feed.seekTo(from);
            while (!feed.caughtUp()) {
                feed.records(Duration.ofMillis(200), r -> {
                    if (r.value() != null && r.timestamp() >= from.toEpochMilli() && r.timestamp() < to.toEpochMilli()) {
                        values.add(r.value());
                    }
                });
            }
        }
        return values;
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--day " + text + " is not a date: write YYYY-MM-DD, e.g. 2026-11-29");
        }
    }

    private static Duration since(String text) {
        Matcher m = SINCE.matcher(text.strip());
        if (!m.matches()) {
            throw new UserError("--since " + text + " is not a duration: write e.g. 30m, 24h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
