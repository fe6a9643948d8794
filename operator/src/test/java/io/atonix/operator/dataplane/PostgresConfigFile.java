package io.atonix.operator.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a postgresql.conf that say where things are: its file locations (which name container paths the
 * server cannot open here) and the socket directory.
 */
final class PostgresConfigFile {
    static final List<String> FILE_LOCATIONS = List.of("data_directory", "hba_file", "ident_file", "external_pid_file");
    private static final List<String> PLACES =
            List.of("data_directory", "hba_file", "ident_file", "external_pid_file", "unix_socket_directories");
    // name = 'value' (the '=' is optional in postgresql.conf); '' is a quote inside the value.
    private static final Pattern QUOTED = Pattern.compile("^\\s*(\\w+)\\s*=?\\s*'((?:[^']|'')*)'");

    private PostgresConfigFile() {}

    /** The last value of each such setting in {@code file}; none when there is no file yet (before initdb). */
    static Map<String, String> fileSettings(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher setting = QUOTED.matcher(line);
                if (setting.find() && PLACES.contains(setting.group(1))) {
                    settings.put(setting.group(1), setting.group(2).replace("''", "'"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }
}
