package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.PostgresServer;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator knows of a PostgreSQL server that its CRD cannot say (the parameters the version accepts), for a
 * standalone Postgres and a stack's spec.postgres alike; each problem names the field under the given prefix
 * ({@code spec} or {@code spec.postgres}).
 */
public final class PostgresServerRules {
    private PostgresServerRules() {}

    public static List<SpecProblem> problems(String prefix, PostgresServer server) {
        List<SpecProblem> problems = new ArrayList<>();
        if (server.version() != null) {
            PostgresParameters.problems(server.version(), server.parameters())
                    .forEach((name, problem) -> problems.add(new SpecProblem(prefix + ".parameters." + name, problem)));
        }
        return problems;
    }
}
