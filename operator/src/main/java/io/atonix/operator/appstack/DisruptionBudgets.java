package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;

/**
 * A policy/v1 PodDisruptionBudget for services that can run more than one pod: a node drain then takes at most
 * one pod away at a time. A single-pod service gets none, since a budget would block every drain.
 */
public final class DisruptionBudgets {

    private DisruptionBudgets() {}

    public static Optional<PodDisruptionBudget> desired(AppStack stack, ServiceSpec service) {
        if (service.maxPossibleReplicas() < 2) {
            return Optional.empty();
        }
        return Optional.of(StackObjects.finish(new PodDisruptionBudgetBuilder()
                .withMetadata(StackObjects.serviceMetadata(stack, service))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector()
                .withMatchLabels(StackObjects.selector(stack, service))
                .endSelector()
                .endSpec()
                .build()));
    }
}
