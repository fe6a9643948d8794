package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.RedisServer;
import io.atonix.operator.common.Quantities;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the operator knows of a Redis server that its CRD does not say (a memory limit that leaves Redis room to
 * evict), for a standalone Redis and a stack's spec.redis alike; each problem names the field under the given prefix
 * ({@code spec} or {@code spec.redis}).
 */
public final class RedisServerRules {
    private static final Pattern VERSION = Pattern.compile(RedisServer.VERSION_PATTERN);

    private RedisServerRules() {}

    public static List<SpecProblem> problems(String prefix, RedisServer server) {
        List<SpecProblem> problems = new ArrayList<>();
        if (server.memory() != null
                && server.resources() != null
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
