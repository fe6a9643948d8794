package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Redis spec asks for that this version refuses; each entry names the field. The schema and its CEL rules
 * refuse most of it in a cluster; it is checked here again for render, for API servers without CEL, and for what
 * only the cluster shows (the StatefulSet that runs).
 */
public final class RedisValidator {
    private static final Pattern USER_NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern KEY_PREFIX = Pattern.compile(RedisUserSpec.KEY_PREFIX);

    private RedisValidator() {}

    /** @param running the Redis' StatefulSet as the cluster has it, or null */
    public static List<SpecProblem> problems(Redis redis, StatefulSet running) {
        List<SpecProblem> problems = new ArrayList<>();
        String name = redis.getMetadata() == null ? null : redis.getMetadata().getName();
        if (name != null && name.length() > Redis.MAX_NAME) {
            problems.add(new SpecProblem(
                    "metadata.name",
                    "must be at most " + Redis.MAX_NAME + " characters, so that the names derived from it stay valid"));
        }
        RedisSpec spec = redis.getSpec();
        if (spec == null) {
            problems.add(new SpecProblem("spec", "is required"));
            return problems;
        }
        problems.addAll(RedisServerRules.problems("spec", spec));
        String ran = redis.getStatus() == null ? null : redis.getStatus().version();
        if (RedisServerRules.validVersion(spec.version())
                && RedisServerRules.validVersion(ran)
                && major(spec.version()) < major(ran)) {
            problems.add(new SpecProblem(
                    "spec.version", "the major version cannot go down from " + ran + " (its data files may not load)"));
        }
        Set<String> names = new HashSet<>();
        for (int u = 0; u < spec.users().size(); u++) {
            RedisUserSpec user = spec.users().get(u);
            String field = "spec.users[" + u + "]";
            if (user.name() == null
                    || !USER_NAME.matcher(user.name()).matches()
                    || user.name().length() > RedisUserSpec.MAX_NAME) {
                problems.add(new SpecProblem(
                        field + ".name", "must be a DNS label of at most " + RedisUserSpec.MAX_NAME + " characters"));
            } else if ("default".equals(user.name())) {
                problems.add(new SpecProblem(
                        field + ".name", "'default' is Redis' built-in user, which the operator turns off"));
            } else if (!names.add(user.name())) {
                problems.add(new SpecProblem(field + ".name", "user '" + user.name() + "' is declared twice"));
            }
            if (user.keyPrefix() != null
                    && (user.keyPrefix().length() > 128
                            || !KEY_PREFIX.matcher(user.keyPrefix()).matches())) {
                problems.add(new SpecProblem(
                        field + ".keyPrefix", "may hold only letters, digits and - : . _ / { } @ | + = (at most 128)"));
            }
        }
        if (spec.binding() != null
                && spec.users().stream()
                        .noneMatch(u -> u.name().equals(spec.binding().login()))) {
            problems.add(new SpecProblem(
                    "spec.binding.login",
                    "'" + spec.binding().login() + "' is not a user of spec.users; a binding offers a user's login"));
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

    static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
