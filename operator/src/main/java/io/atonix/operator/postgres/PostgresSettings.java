package io.atonix.operator.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters one PostgreSQL major version knows: its pg_settings, generated from the real server by
 * tools/postgres-settings/generate.sh into resources. A parameter the server does not know, or a value it cannot
 * parse, stops the server at start; checking spec.parameters against this catalog refuses them before they reach
 * postgresql.conf.
 */
public final class PostgresSettings {
    private static final Map<Integer, Optional<PostgresSettings>> CATALOGS = new ConcurrentHashMap<>();

    /** One row of pg_settings; empty strings where pg_settings has NULL. */
    public record Setting(String name, String type, String unit, String min, String max, List<String> enumValues) {}

    private final int major;
    /** By lower-case name: PostgreSQL parameter names are case-insensitive. */
    private final Map<String, Setting> settings;

    private PostgresSettings(int major, Map<String, Setting> settings) {
        this.major = major;
        this.settings = settings;
    }

    /** The catalog of a major version, when this operator carries one. */
    public static Optional<PostgresSettings> of(int major) {
        return CATALOGS.computeIfAbsent(major, PostgresSettings::load);
    }

    public int major() {
        return major;
    }

    public Optional<Setting> find(String name) {
        return Optional.ofNullable(settings.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The known name closest to a misspelt one (at most 3 edits away), to suggest in the message. */
    public Optional<String> closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 4;
        for (String known : settings.keySet()) {
            int distance = distance(lower, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best).map(b -> settings.get(b).name());
    }

    private static Optional<PostgresSettings> load(int major) {
        String resource = "settings/pg" + major + ".tsv";
        try (InputStream in = PostgresSettings.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Setting> settings = new TreeMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> values = f[5].isEmpty() ? List.of() : Arrays.asList(f[5].split(","));
                settings.put(f[0].toLowerCase(Locale.ROOT), new Setting(f[0], f[1], f[2], f[3], f[4], values));
            }
            return Optional.of(new PostgresSettings(major, settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
