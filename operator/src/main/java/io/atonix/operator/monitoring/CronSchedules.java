package io.atonix.operator.monitoring;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CronJob schedule (the five fields of cron, names and the {@code @daily}-style macros included) to tell the
 * longest time between two of its runs, which is how old the last success of a job may be before it is late.
 */
public final class CronSchedules {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly",
            "0 0 1 1 *",
            "@annually",
            "0 0 1 1 *",
            "@monthly",
            "0 0 1 * *",
            "@weekly",
            "0 0 * * 0",
            "@daily",
            "0 0 * * *",
            "@midnight",
            "0 0 * * *",
            "@hourly",
            "0 * * * *");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** Eight years from a leap year: long enough to see every gap, even of a schedule that runs on 29 February. */
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    private static final int DAYS_SEEN = 8 * 366;

    private CronSchedules() {}

    /** The longest interval between two consecutive runs, or empty when the schedule cannot be read or never runs twice. */
    public static Optional<Duration> longestInterval(String schedule) {
        String expanded = MACROS.getOrDefault(schedule.trim().toLowerCase(Locale.ROOT), schedule.trim());
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            BitSet minutes = field(fields[0], 0, 59, List.of());
            BitSet hours = field(fields[1], 0, 23, List.of());
            BitSet daysOfMonth = field(fields[2], 1, 31, List.of());
            BitSet months = field(fields[3], 1, 12, MONTHS);
            BitSet daysOfWeek = field(fields[4], 0, 7, DAYS);
            if (daysOfWeek.get(7)) {
                daysOfWeek.set(0);
            }
            boolean domRestricted = !isAny(fields[2]);
            boolean dowRestricted = !isAny(fields[4]);
            List<Integer> timesOfDay = new ArrayList<>();
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    timesOfDay.add(h * 60 + m);
                }
            }
            long previous = -1;
            long longest = -1;
            for (int d = 0; d < DAYS_SEEN; d++) {
                LocalDate day = FROM.plusDays(d);
                if (!months.get(day.getMonthValue())) {
                    continue;
                }
                boolean dom = daysOfMonth.get(day.getDayOfMonth());
                boolean dow = daysOfWeek.get(
                        day.getDayOfWeek() == DayOfWeek.SUNDAY
                                ? 0
                                : day.getDayOfWeek().getValue());
                // cron's rule: with both day fields restricted, a day that matches either runs the job.
                boolean runs = domRestricted && dowRestricted ? dom || dow : dom && dow;
                if (!runs) {
                    continue;
                }
                for (int time : timesOfDay) {
                    long minute = d * 1440L + time;
                    if (previous >= 0) {
                        longest = Math.max(longest, minute - previous);
                    }
                    previous = minute;
                }
            }
            return longest < 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(longest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String field, int min, int max, List<String> names) {
        BitSet values = new BitSet();
        for (String part : field.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
                if (step < 1) {
                    throw new IllegalArgumentException("step " + step);
                }
            }
            int from;
            int to;
            if (isAny(range)) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, min);
                to = value(ends[1], names, min);
            } else {
                from = value(range, names, min);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException(part + " is outside " + min + "-" + max);
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(String text, List<String> names, int min) {
        int index = names.indexOf(text.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            // Months are named from 1, days of the week from 0 (Sunday).
            return index + min;
        }
        return Integer.parseInt(text);
    }
}
