package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.RedisServer;
import io.atonix.operator.common.Quantities;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a Redis server that a standalone Redis and a stack's spec.redis share, as the schema and the CEL rules
 * of RedisServer state them, for render and API servers without CEL; each problem names the field under the given
 * prefix ({@code spec} or {@code spec.redis}).
 */
public final class RedisServerRules {
    private static final Pattern VERSION = Pattern.compile(RedisServer.VERSION_PATTERN);
    private static final Quantity MINIMUM_MEMORY = new Quantity("1Mi");

    private RedisServerRules() {}

    public static List<SpecProblem> problems(String prefix, RedisServer server) {
        List<SpecProblem> problems = new ArrayList<>();
        if (server.version() == null || !VERSION.matcher(server.version()).matches()) {
            problems.add(new SpecProblem(
                    prefix + ".version", "must be a Redis version of 6 or newer (ACL users need 6), such as \"7.2\""));
        }
        if (server.memory() == null
                || Quantities.amount(server.memory()).compareTo(Quantities.amount(MINIMUM_MEMORY)) < 0) {
            problems.add(new SpecProblem(prefix + ".memory", "must be at least 1Mi"));
        } else if (server.resources() != null
                && server.resources().limits() != null
                && server.resources().limits().memory() != null
                && Quantities.amount(server.resources().limits().memory()).compareTo(Quantities.amount(server.memory()))
                        <= 0) {
            problems.add(new SpecProblem(
                    prefix + ".resources.limits.memory",
                    "must be above " + prefix + ".memory (" + server.memory()
                            + "), or Redis is killed before it starts evicting"));
        }
        return problems;
    }

    static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }
}
