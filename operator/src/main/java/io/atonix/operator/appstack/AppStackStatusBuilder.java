package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReconcileFlow;
import io.atonix.operator.common.WaitStart;
import io.atonix.operator.jobs.MigrationStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a stack's status from what the cluster reports, as a pure function of the stack and its Deployments.
 * Conditions keep their lastTransitionTime while their status holds, so an unchanged cluster gives an unchanged
 * status and no write.
 */
public final class AppStackStatusBuilder {
    public static final String REASON_READY = "Ready";
    public static final String REASON_ROLLING_OUT = "RollingOut";
    public static final String REASON_INVALID_SPEC = ReconcileFlow.INVALID_SPEC;
    public static final String REASON_DEADLINE = "ProgressDeadlineExceeded";
    public static final String REASON_RECONCILE_FAILED = ReconcileFlow.RECONCILE_FAILED;
    public static final String REASON_PAUSED = "Paused";

    private AppStackStatusBuilder() {}

    /** @param kafka the stack's Kafka component, or null for a stack without spec.kafka */
    public static AppStackStatus observed(
            AppStack stack,
            Map<String, Deployment> deployments,
            Postgres postgres,
            Redis redis,
            ComponentStatus kafka,
            Instant now) {
        return observed(stack, deployments, postgres, redis, kafka, List.of(), now);
    }

    /**
     * @param kafka the stack's Kafka component, or null for a stack without spec.kafka
     * @param edge the stack's Certificates, Routes, SignIn and ObjectStores components, those it has: each holds
     *     readiness back, since a service is not reachable over HTTPS without its certificate, nor at all without an
     *     accepted route or its ready sign-in proxy, and cannot start without its object store binding
     */
    public static AppStackStatus observed(
            AppStack stack,
            Map<String, Deployment> deployments,
            Postgres postgres,
            Redis redis,
            ComponentStatus kafka,
            List<ComponentStatus> edge,
            Instant now) {
        List<ServiceStatus> services = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (ServiceSpec service : stack.getSpec().services()) {
            Deployment deployment = deployments.get(service.name());
            ServiceStatus status = serviceStatus(stack, service, deployment);
            services.add(status);
            if (!Boolean.TRUE.equals(status.ready())) {
                waiting.add(service.name());
            }
            if (deployment != null && deadlineExceeded(deployment)) {
                stuck.add(service.name());
            }
        }
        List<ComponentStatus> components = new ArrayList<>();
        if (stack.getSpec().postgres() != null) {
            components.add(ChildPostgres.status(stack, postgres));
        }
        if (stack.getSpec().redis() != null) {
            components.add(ChildRedis.status(stack, redis));
        }
        if (kafka != null) {
            components.add(kafka);
        }
        components.addAll(edge);
        List<String> overdue = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ComponentStatus component : components) {
            if (!component.holds()) {
                waiting.add(component.component());
            }
            if (WaitStart.EXCEEDED.equals(component.reason())) {
                overdue.add(component.component() + ": " + component.message());
            }
            if (MigrationStatus.REASON_FAILED.equals(component.reason())) {
                failed.add(component.message());
            }
        }
        Long generation = stack.getMetadata().getGeneration();
        boolean ready = waiting.isEmpty();
        List<Condition> conditions = List.of(
                Conditions.of(
                        ConditionTypes.READY,
                        ready,
                        ready ? REASON_READY : failed.isEmpty() ? REASON_ROLLING_OUT : MigrationStatus.REASON_FAILED,
                        ready
                                ? "All " + services.size() + " services are available"
                                : failed.isEmpty()
                                        ? "Waiting for " + String.join(", ", waiting)
                                        : String.join("; ", failed),
                        generation),
                Conditions.of(
                        ConditionTypes.PROGRESSING,
                        !ready && stuck.isEmpty() && failed.isEmpty(),
                        ready
                                ? REASON_READY
                                : !stuck.isEmpty()
                                        ? REASON_DEADLINE
                                        : failed.isEmpty() ? REASON_ROLLING_OUT : MigrationStatus.REASON_FAILED,
                        ready ? "" : "Rolling out " + String.join(", ", waiting),
                        generation),
                degraded(stuck, overdue, failed, generation));
        return new AppStackStatus(generation, withTimes(stack, conditions, now), services, components);
    }

    /**
     * Degraded when a Deployment exceeded its progress deadline, or a component waited on another system longer than
     * its bound ({@link WaitStart#EXCEEDED}): the message says which, and why.
     */
    private static Condition degraded(List<String> stuck, List<String> overdue, List<String> failed, Long generation) {
        List<String> problems = new ArrayList<>();
        if (!stuck.isEmpty()) {
            problems.add("Deployments of " + String.join(", ", stuck)
                    + " exceeded their progress deadline: check their pods' events");
        }
        problems.addAll(failed);
        problems.addAll(overdue);
        return Conditions.of(
                ConditionTypes.DEGRADED,
                !problems.isEmpty(),
                !stuck.isEmpty()
                        ? REASON_DEADLINE
                        : !failed.isEmpty()
                                ? MigrationStatus.REASON_FAILED
                                : overdue.isEmpty() ? REASON_READY : WaitStart.EXCEEDED,
                String.join("; ", problems),
                generation);
    }

    /** A status that says the spec cannot be applied, keeping what was observed before. */
    /**
     * The last status as it was, with Progressing=False, reason Paused: nothing moves while the stack is paused, and
     * observedGeneration stays at the generation the operator last acted on.
     */
    public static AppStackStatus paused(AppStack stack, Instant now) {
        AppStackStatus previous = stack.getStatus();
        List<Condition> conditions = new ArrayList<>();
        if (previous != null) {
            previous.conditions().stream()
                    .filter(c -> !ConditionTypes.PROGRESSING.equals(c.type()))
                    .forEach(conditions::add);
        }
        conditions.add(Conditions.of(
                ConditionTypes.PROGRESSING,
                false,
                REASON_PAUSED,
                "Reconciliation is paused by the annotation " + Pause.ANNOTATION + "; remove it to resume",
                previous == null ? null : previous.observedGeneration()));
        return new AppStackStatus(
                previous == null ? null : previous.observedGeneration(),
                withTimes(stack, conditions, now),
                previous == null ? List.of() : previous.services(),
                previous == null ? List.of() : previous.components());
    }

    public static AppStackStatus failed(AppStack stack, String reason, String message, Instant now) {
        Long generation = stack.getMetadata().getGeneration();
        List<Condition> conditions = Conditions.refused(reason, message, generation);
        AppStackStatus previous = stack.getStatus();
        return new AppStackStatus(
                generation,
                withTimes(stack, conditions, now),
                previous == null ? List.of() : previous.services(),
                previous == null ? List.of() : previous.components());
    }

    static ServiceStatus serviceStatus(AppStack stack, ServiceSpec service, Deployment deployment) {
        List<String> urls = Ingresses.urls(stack.getSpec(), service);
        var bindings = UseBindings.statuses(stack, service);
        if (deployment == null || deployment.getStatus() == null) {
            return new ServiceStatus(
                    service.name(),
                    deployment == null ? null : deployment.getSpec().getReplicas(),
                    0,
                    0,
                    false,
                    urls,
                    bindings);
        }
        var status = deployment.getStatus();
        int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int ready = Optional.ofNullable(status.getReadyReplicas()).orElse(0);
        int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        return new ServiceStatus(service.name(), wanted, ready, updated, rolledOut(deployment), urls, bindings);
    }

    /**
     * Whether a Deployment's rollout is complete: the controller has seen the current template, every wanted pod runs
     * it and is available, and no pod of an older template is left (the rule kubectl rollout status uses).
     */
    static boolean rolledOut(Deployment deployment) {
        var status = deployment.getStatus();
        if (status == null) {
            return false;
        }
        int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        int available = Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
        int total = Optional.ofNullable(status.getReplicas()).orElse(0);
        boolean observed = status.getObservedGeneration() != null
                && status.getObservedGeneration() >= deployment.getMetadata().getGeneration();
        return observed && updated >= wanted && available >= wanted && total <= updated;
    }

    private static boolean deadlineExceeded(Deployment deployment) {
        if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return false;
        }
        for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
            if ("Progressing".equals(condition.getType())
                    && "False".equals(condition.getStatus())
                    && REASON_DEADLINE.equals(condition.getReason())) {
                return true;
            }
        }
        return false;
    }

    private static List<Condition> withTimes(AppStack stack, List<Condition> conditions, Instant now) {
        List<Condition> previous =
                stack.getStatus() == null ? List.of() : stack.getStatus().conditions();
        return Conditions.settle(previous, conditions, now);
    }
}
