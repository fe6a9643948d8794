package io.atonix.operator.postgres;

import io.atonix.api.schema.CronSchedule;
import io.atonix.api.v1beta1.postgres.PostgresServer;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a PostgreSQL server that a standalone Postgres and a stack's spec.postgres share, as the CEL rules of
 * PostgresServer state them, for render and API servers without CEL; each problem names the field under the given
 * prefix ({@code spec} or {@code spec.postgres}).
 */
public final class PostgresServerRules {
    /** PostgreSQL's own databases, as DatabaseSpec's CEL rule lists them. */
    private static final java.util.regex.Pattern SCHEDULE = java.util.regex.Pattern.compile(CronSchedule.PATTERN);

    static final Set<String> RESERVED_DATABASES = Set.of("postgres", "template0", "template1");

    private PostgresServerRules() {}

    public static List<SpecProblem> problems(String prefix, PostgresServer server) {
        List<SpecProblem> problems = new ArrayList<>();
        if (server.instances() != null && server.instances() > 1) {
            problems.add(new SpecProblem(
                    prefix + ".instances",
                    "this version runs a single primary; read replicas are not supported yet, set instances: 1"));
        }
        Set<String> databases = new HashSet<>();
        for (int d = 0; d < server.databases().size(); d++) {
            String name = server.databases().get(d).name();
            if (!databases.add(name)) {
                problems.add(new SpecProblem(
                        prefix + ".databases[" + d + "].name", "database '" + name + "' is declared twice"));
            }
            if (RESERVED_DATABASES.contains(name)) {
                problems.add(
                        new SpecProblem(
                                prefix + ".databases[" + d + "].name",
                                "'" + name
                                        + "': postgres, template0 and template1 are PostgreSQL's own databases (every new database is copied from template1): an application gets a database of its own"));
            }
        }
        if (server.backup() != null
                && server.backup().schedule() != null
                && !SCHEDULE.matcher(server.backup().schedule()).find()) {
            problems.add(new SpecProblem(prefix + ".backup.schedule", CronSchedule.MESSAGE));
        }
        if (server.backup() != null
                && (server.backup().volume() == null) == (server.backup().objectStore() == null)) {
            problems.add(new SpecProblem(prefix + ".backup", "backups go to exactly one of volume and objectStore"));
        }
        if (server.version() != null) {
            PostgresParameters.problems(server.version(), server.parameters())
                    .forEach((name, problem) -> problems.add(new SpecProblem(prefix + ".parameters." + name, problem)));
        }
        return problems;
    }
}
