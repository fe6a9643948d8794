package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a Postgres spec asks for that this version refuses; each entry names the field. */
public final class PostgresValidator {
    /** PostgreSQL's own role names, as RoleSpec's CEL rule lists them. */
    private static final Set<String> RESERVED_ROLES = Set.of("postgres", "public", "none");

    private PostgresValidator() {}

    public static List<SpecProblem> problems(Postgres postgres) {
        List<SpecProblem> problems = new ArrayList<>();
        String resourceName =
                postgres.getMetadata() == null ? null : postgres.getMetadata().getName();
        if (resourceName != null && resourceName.length() > Postgres.MAX_NAME) {
            problems.add(new SpecProblem(
                    "metadata.name",
                    "must be at most " + Postgres.MAX_NAME
                            + " characters, so that the names derived from it stay valid"));
        }
        var spec = postgres.getSpec();
        if (spec == null) {
            problems.add(new SpecProblem("spec", "is required"));
            return problems;
        }
        problems.addAll(PostgresServerRules.problems("spec", spec));
        for (int r = 0; r < spec.roles().size(); r++) {
            String role = spec.roles().get(r).name();
            if (RESERVED_ROLES.contains(role)) {
                problems.add(
                        new SpecProblem(
                                "spec.roles[" + r + "].name",
                                "'" + role
                                        + "': postgres, public and none are PostgreSQL's own role names (the superuser, every role, a reserved word): an application's role has a name of its own"));
            }
            String database = spec.roles().get(r).database();
            if (spec.databases().stream().noneMatch(d -> d.name().equals(database))) {
                problems.add(new SpecProblem(
                        "spec.roles[" + r + "].database",
                        "database '" + database + "' is not declared in spec.databases"));
            }
        }
        if (spec.binding() != null
                && spec.roles().stream()
                        .noneMatch(r -> r.name().equals(spec.binding().login()))) {
            problems.add(new SpecProblem(
                    "spec.binding.login",
                    "'" + spec.binding().login() + "' is not a role of spec.roles; a binding offers a role's login"));
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
