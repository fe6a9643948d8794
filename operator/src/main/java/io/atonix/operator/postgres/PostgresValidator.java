package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.admission.CrdContract;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a Postgres: what its CRD refuses (evaluated from the CRD itself, for render and for an API server
 * that does not run CEL), which role names an undeclared database, and what only the running server tells.
 */
public final class PostgresValidator {
    private PostgresValidator() {}

    public static List<SpecProblem> problems(Postgres postgres) {
        List<SpecProblem> problems = new ArrayList<>(CrdContract.problems(postgres));
        var spec = postgres.getSpec();
        if (spec == null) {
            return problems;
        }
        problems.addAll(PostgresServerRules.problems("spec", spec));
        for (int r = 0; r < spec.roles().size(); r++) {
            String database = spec.roles().get(r).database();
            if (spec.databases().stream().noneMatch(d -> d.name().equals(database))) {
                problems.add(new SpecProblem(
                        "spec.roles[" + r + "].database",
                        "database '" + database + "' is not declared in spec.databases"));
            }
        }
        RecoveryRules.problems(postgres).forEach(problems::add);
        String running =
                postgres.getStatus() == null ? null : postgres.getStatus().version();
        if (running != null && major(spec.version()) > major(running)) {
            problems.add(new SpecProblem(
                    "spec.version",
                    "PostgreSQL " + running + " runs; an in-place major upgrade to " + spec.version()
                            + " is not supported yet (dump and restore into a new Postgres)"));
        }
        if (running != null && major(spec.version()) < major(running)) {
            problems.add(new SpecProblem("spec.version", "the major version cannot go down from " + running));
        }
        return problems;
    }

    static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
