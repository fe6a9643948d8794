package io.atonix.api.schema;

/**
 * The five fields of a CronJob's schedule, each within its range, as Kubernetes' cron parser takes them: a value, a
 * range, {@code *} or {@code ?}, each with an optional step, in comma-separated lists. Written without backslashes, so
 * that the same text is a CEL string literal and a Java pattern.
 */
public final class CronSchedule {
    private static final String MINUTE = "([0-5]?[0-9])";
    private static final String HOUR = "([01]?[0-9]|2[0-3])";
    private static final String DAY = "(0?[1-9]|[12][0-9]|3[01])";
    private static final String MONTH = "(0?[1-9]|1[0-2]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))";
    private static final String WEEKDAY = "([0-7]|(?i:sun|mon|tue|wed|thu|fri|sat))";
    private static final String MINUTE_ITEM = "([*?]|" + MINUTE + "(-" + MINUTE + ")?)(/[1-9][0-9]*)?";
    private static final String MINUTE_FIELD = "(" + MINUTE_ITEM + ")(," + MINUTE_ITEM + ")*";
    private static final String HOUR_ITEM = "([*?]|" + HOUR + "(-" + HOUR + ")?)(/[1-9][0-9]*)?";
    private static final String HOUR_FIELD = "(" + HOUR_ITEM + ")(," + HOUR_ITEM + ")*";
    private static final String DAY_ITEM = "([*?]|" + DAY + "(-" + DAY + ")?)(/[1-9][0-9]*)?";
    private static final String DAY_FIELD = "(" + DAY_ITEM + ")(," + DAY_ITEM + ")*";
    private static final String MONTH_ITEM = "([*?]|" + MONTH + "(-" + MONTH + ")?)(/[1-9][0-9]*)?";
    private static final String MONTH_FIELD = "(" + MONTH_ITEM + ")(," + MONTH_ITEM + ")*";
    private static final String WEEKDAY_ITEM = "([*?]|" + WEEKDAY + "(-" + WEEKDAY + ")?)(/[1-9][0-9]*)?";
    private static final String WEEKDAY_FIELD = "(" + WEEKDAY_ITEM + ")(," + WEEKDAY_ITEM + ")*";

    /** Constant (annotations take it): the five fields, separated by spaces. */
    public static final String PATTERN =
            "^" + MINUTE_FIELD + " +" + HOUR_FIELD + " +" + DAY_FIELD + " +" + MONTH_FIELD + " +" + WEEKDAY_FIELD + "$";

    public static final String MESSAGE =
            "schedule is five cron fields within their ranges: minute 0-59, hour 0-23, day of month 1-31, month 1-12 or jan-dec, day of week 0-7 or sun-sat (for example \"0 3 * * *\")";

    private CronSchedule() {}
}
