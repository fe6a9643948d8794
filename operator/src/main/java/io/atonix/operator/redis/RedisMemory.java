package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much memory and CPU a Redis' container asks for: maxmemory and the room Redis needs above it. */
final class RedisMemory {
    private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);
    /** Room above maxmemory for Redis itself, client buffers and the copy-on-write of an append-only file rewrite. */
    private static final BigDecimal HEADROOM = new BigDecimal("1.5");

    private static final long MINIMUM_HEADROOM_MI = 64;

    private RedisMemory() {}

    /**
     * Requests 100m CPU and, like the limit, 1.5 times maxmemory (at least maxmemory + 64Mi) unless the spec says
     * otherwise; the validator refuses a memory limit that is not above maxmemory. CPU is not limited unless asked.
     */
    static ResourceRequirements resources(Redis redis) {
        ComputeResources spec = redis.getSpec().resources();
        ResourceAmounts requests = spec == null ? null : spec.requests();
        ResourceAmounts limits = spec == null ? null : spec.limits();
        Quantity defaultMemory = defaultMemory(redis);
        Quantity limit = limits != null && limits.memory() != null
                ? limits.memory()
                : requests != null && requests.memory() != null && larger(requests.memory(), defaultMemory)
                        ? requests.memory()
                        : defaultMemory;
        Quantity request = requests != null && requests.memory() != null
                ? requests.memory()
                : larger(defaultMemory, limit) ? limit : defaultMemory;
        var builder = new ResourceRequirementsBuilder()
                .addToRequests(
                        "cpu",
                        Quantities.canonical(
                                requests != null && requests.cpu() != null ? requests.cpu() : new Quantity("100m")))
                .addToRequests("memory", Quantities.canonical(request))
                .addToLimits("memory", Quantities.canonical(limit));
        if (limits != null && limits.cpu() != null) {
            builder.addToLimits("cpu", Quantities.canonical(limits.cpu()));
        }
        return builder.build();
    }

    static Quantity defaultMemory(Redis redis) {
        BigDecimal maxmemory = BigDecimal.valueOf(RedisConfig.maxmemory(redis));
        long scaled =
                maxmemory.multiply(HEADROOM).divide(MI, 0, RoundingMode.CEILING).longValueExact();
        long minimum = maxmemory.divide(MI, 0, RoundingMode.CEILING).longValueExact() + MINIMUM_HEADROOM_MI;
        return Quantities.canonical(new Quantity(Math.max(scaled, minimum) + "Mi"));
    }

    private static boolean larger(Quantity a, Quantity b) {
        return Quantities.amount(a).compareTo(Quantities.amount(b)) > 0;
    }
}
