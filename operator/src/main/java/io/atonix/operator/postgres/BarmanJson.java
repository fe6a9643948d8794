package io.atonix.operator.postgres;

/**
 * Python that reads barman-cloud-backup-list's JSON: the imports and {@code end(backup)}, a backup's end as an aware
 * datetime, from end_time_timestamp where barman gives it, else from end_time in the forms barman writes.
 */
final class BarmanJson {
    static final String END = """
            import json, sys, datetime as d
            def end(b):
                if b.get("end_time_timestamp"):
                    return d.datetime.fromtimestamp(float(b["end_time_timestamp"]), d.timezone.utc)
                for f in ("%a %b %d %H:%M:%S %Y", "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z"):
                    try:
                        v = d.datetime.strptime(b["end_time"], f)
                        return v if v.tzinfo else v.replace(tzinfo=d.timezone.utc)
                    except ValueError:
                        pass
                sys.exit("unknown end_time " + b["end_time"])
            """;

    private BarmanJson() {}
}
