package io.atonix.operator.postgres;

import io.atonix.operator.postgres.PostgresSettings.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks spec.parameters the way the server would read postgresql.conf: names it knows, values it can parse and
 * accepts (booleans, enum values, numbers with the units of the parameter, within its range). A refused parameter
 * makes the spec invalid, so a typo changes nothing instead of stopping the server after the roll.
 */
public final class PostgresParameters {
    /**
     * Where the server listens and keeps its files, which the pod spec depends on, and how it archives and recovers,
     * which spec.backup and spec.bootstrap decide: a spec cannot change them.
     */
    static final Set<String> RESERVED = Set.of(
            "listen_addresses",
            "port",
            "data_directory",
            "hba_file",
            "ident_file",
            "config_file",
            "unix_socket_directories",
            "external_pid_file",
            "archive_mode",
            "archive_command",
            "archive_library",
            "restore_command",
            "recovery_target",
            "recovery_target_time",
            "recovery_target_action");

    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]{0,62}$");
    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?))\\s*([A-Za-z]+)?$");
    /** Units PostgreSQL accepts in values, with their size in bytes or milliseconds; they are case-sensitive. */
    private static final Map<String, Double> MEMORY = Map.of(
            "B", 1.0, "kB", 1024.0, "MB", 1024.0 * 1024, "GB", 1024.0 * 1024 * 1024, "TB", 1024.0 * 1024 * 1024 * 1024);

    private static final Map<String, Double> TIME =
            Map.of("us", 0.001, "ms", 1.0, "s", 1000.0, "min", 60_000.0, "h", 3_600_000.0, "d", 86_400_000.0);
    /** A pg_settings unit: an optional count and a unit name ("8kB", "ms"). */
    private static final Pattern SETTING_UNIT = Pattern.compile("^([0-9]*)([A-Za-z]+)$");

    private static final List<String> BOOLEAN_WORDS = List.of("true", "false", "yes", "no");

    private PostgresParameters() {}

    /** Why each parameter that cannot be applied cannot be, by name (sorted); empty when all can. */
    public static Map<String, String> problems(String version, Map<String, String> parameters) {
        Optional<PostgresSettings> catalog = version != null && version.matches("[0-9]+(\\.[0-9]+)?")
                ? PostgresSettings.of(PostgresValidator.major(version))
                : Optional.empty();
        Map<String, String> problems = new TreeMap<>();
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            problem(catalog, parameter.getKey(), parameter.getValue())
                    .ifPresent(p -> problems.put(parameter.getKey(), p));
        }
        return problems;
    }

    private static Optional<String> problem(Optional<PostgresSettings> catalog, String name, String value) {
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("is set by the operator");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("is not a parameter name");
        }
        if (value == null || value.contains("\n") || value.contains("\r")) {
            return Optional.of("the value must be one line");
        }
        if (catalog.isEmpty() || name.contains(".")) {
            // A dotted name belongs to an extension (pg_stat_statements.max): the server accepts it as a placeholder.
            return Optional.empty();
        }
        Optional<Setting> setting = catalog.get().find(name);
        if (setting.isEmpty()) {
            return Optional.of("PostgreSQL " + catalog.get().major() + " has no such parameter"
                    + catalog.get()
                            .closest(name)
                            .map(c -> " (did you mean " + c + "?)")
                            .orElse(""));
        }
        return valueProblem(setting.get(), value.strip());
    }

    static Optional<String> valueProblem(Setting setting, String value) {
        return switch (setting.type()) {
            case "bool" ->
                isBoolean(value) ? Optional.empty() : Optional.of("'" + value + "' is not a boolean (on or off)");
            case "enum" ->
                isEnumValue(setting, value)
                        ? Optional.empty()
                        : Optional.of("'" + value + "' is not one of " + String.join(", ", setting.enumValues()));
            case "integer", "real" -> numberProblem(setting, value);
            default -> Optional.empty();
        };
    }

    private static boolean isBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("1") || lower.equals("0") || lower.equals("on") || lower.equals("off") || lower.equals("of")) {
            return true;
        }
        return !lower.isEmpty() && BOOLEAN_WORDS.stream().anyMatch(word -> word.startsWith(lower));
    }

    private static boolean isEnumValue(Setting setting, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (setting.enumValues().stream().anyMatch(v -> v.equalsIgnoreCase(lower))) {
            return true;
        }
        // Enums that offer on and off also take every boolean spelling (synchronous_commit, huge_pages, ...).
        return setting.enumValues().contains("on") && setting.enumValues().contains("off") && isBoolean(value);
    }

    private static Optional<String> numberProblem(Setting setting, String value) {
        Matcher matcher = NUMBER.matcher(value);
        if (!matcher.matches()) {
            return Optional.of("'" + value + "' is not a number" + unitsHint(setting));
        }
        String number = matcher.group(1);
        String unit = matcher.group(2);
        double amount;
        int hex = number.toLowerCase(Locale.ROOT).indexOf("0x");
        if (hex >= 0) {
            amount = Long.parseLong(number.substring(hex + 2), 16) * (number.startsWith("-") ? -1.0 : 1.0);
        } else {
            amount = Double.parseDouble(number);
        }
        double base = amount;
        if (unit != null) {
            Map<String, Double> units = family(setting.unit());
            if (units == null || !units.containsKey(unit)) {
                return Optional.of("'" + unit + "' is not a unit of this parameter" + unitsHint(setting));
            }
            base = amount * units.get(unit) / size(setting.unit());
        }
        if (!setting.min().isEmpty() && !setting.max().isEmpty()) {
            double min = Double.parseDouble(setting.min());
            double max = Double.parseDouble(setting.max());
            // Integers are rounded to whole units of the parameter, as the server does.
            double rounded = setting.type().equals("integer") ? Math.rint(base) : base;
            if (rounded < min || rounded > max) {
                return Optional.of("'" + value + "' is outside " + setting.min() + " to " + setting.max()
                        + (setting.unit().isEmpty() ? "" : " (in " + setting.unit() + ")"));
            }
        }
        return Optional.empty();
    }

    private static String unitsHint(Setting setting) {
        Map<String, Double> units = family(setting.unit());
        if (units == null) {
            return "";
        }
        return units == MEMORY ? " (units: B, kB, MB, GB, TB; case matters)" : " (units: us, ms, s, min, h, d)";
    }

    /** The units a parameter with this pg_settings unit accepts: memory, time, or none. */
    private static Map<String, Double> family(String settingUnit) {
        if (settingUnit.isEmpty()) {
            return null;
        }
        String bare = settingUnit.replaceFirst("^[0-9]+", "");
        return MEMORY.containsKey(bare) ? MEMORY : TIME.containsKey(bare) ? TIME : null;
    }

    /** The size of one pg_settings unit ("8kB" is 8 kB) in bytes or milliseconds. */
    private static double size(String settingUnit) {
        Matcher m = SETTING_UNIT.matcher(settingUnit);
        if (!m.matches()) {
            return 1;
        }
        double factor = m.group(1).isEmpty() ? 1 : Double.parseDouble(m.group(1));
        Map<String, Double> units = family(settingUnit);
        return factor * (units == null ? 1 : units.get(m.group(2)));
    }
}
