package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

/**
 * A container's requests and limits in a Postgres' pod: the spec's, else the defaults given; the memory limit is at
 * least the request.
 */
final class PostgresContainerResources {
    private PostgresContainerResources() {}

    static ResourceRequirements of(ComputeResources spec, String cpu, String memory, String memoryLimit) {
        ResourceAmounts requests = spec == null ? null : spec.requests();
        ResourceAmounts limits = spec == null ? null : spec.limits();
        Quantity requestedMemory =
                requests != null && requests.memory() != null ? requests.memory() : new Quantity(memory);
        Quantity limitedMemory = limits != null && limits.memory() != null
                ? limits.memory()
                : Quantities.amount(requestedMemory).compareTo(Quantities.amount(new Quantity(memoryLimit))) > 0
                        ? requestedMemory
                        : new Quantity(memoryLimit);
        var builder = new ResourceRequirementsBuilder()
                .addToRequests(
                        "cpu",
                        Quantities.canonical(
                                requests != null && requests.cpu() != null ? requests.cpu() : new Quantity(cpu)))
                .addToRequests("memory", Quantities.canonical(requestedMemory))
                .addToLimits("memory", Quantities.canonical(limitedMemory));
        if (limits != null && limits.cpu() != null) {
            builder.addToLimits("cpu", Quantities.canonical(limits.cpu()));
        }
        return builder.build();
    }
}
