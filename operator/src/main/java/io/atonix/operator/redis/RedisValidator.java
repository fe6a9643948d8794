package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisServer;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.operator.admission.CrdContract;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What is wrong with a Redis: what its CRD refuses (evaluated from the CRD itself, for render and for an API server
 * that does not run CEL), and what only the cluster shows (the version and the StatefulSet that run).
 */
public final class RedisValidator {
    private static final Pattern VERSION = Pattern.compile(RedisServer.VERSION_PATTERN);

    private RedisValidator() {}

    /** @param running the Redis' StatefulSet as the cluster has it, or null */
    public static List<SpecProblem> problems(Redis redis, StatefulSet running) {
        List<SpecProblem> problems = new ArrayList<>(CrdContract.problems(redis));
        RedisSpec spec = redis.getSpec();
        if (spec == null) {
            return problems;
        }
        String ran = redis.getStatus() == null ? null : redis.getStatus().version();
        if (validVersion(spec.version()) && validVersion(ran) && major(spec.version()) < major(ran)) {
            problems.add(new SpecProblem(
                    "spec.version", "the major version cannot go down from " + ran + " (its data files may not load)"));
        }
        if (running != null && running.getSpec() != null) {
            boolean hasVolume = running.getSpec().getVolumeClaimTemplates() != null
                    && !running.getSpec().getVolumeClaimTemplates().isEmpty();
            if (hasVolume != spec.persistent()) {
                problems.add(
                        new SpecProblem(
                                "spec.persistence.mode",
                                "Redis runs " + (hasVolume ? "with" : "without")
                                        + " a data volume; persistence cannot be turned on or off after creation (create a new Redis)"));
            }
        }
        return problems;
    }

    private static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
