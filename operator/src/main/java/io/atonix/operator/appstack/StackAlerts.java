package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AlertThresholds;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.jobs.JobAlerts;
import io.atonix.operator.monitoring.AlertRule;
import io.atonix.operator.monitoring.AlertRule.Severity;
import io.atonix.operator.monitoring.PromQl;
import io.atonix.operator.monitoring.PrometheusLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PrometheusRule of a stack: its default alerts, read from kube-state-metrics and the data stores' exporters,
 * with thresholds from spec.monitoring.thresholds. Each alert names the stack and the component in its labels and
 * annotations, and its description says where to look first.
 */
public final class StackAlerts {
    static final String SUSTAINED = "5m";
    /** The PrometheusRule's app.kubernetes.io/name label, which tells it from the stack's other objects. */
    public static final String NAME_LABEL = "alerts";

    private StackAlerts() {}

    public static Optional<PrometheusRule> desired(AppStack stack, PlatformSettings platform) {
        MonitoringSpec monitoring = StackMonitoring.monitoring(stack);
        if (!monitoring.alertsEnabled()) {
            return Optional.empty();
        }
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        return Optional.of(DesiredHash.stamp(new PrometheusRuleBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(Names.alertRules(name))
                        .withNamespace(namespace)
                        .withLabels(PrometheusLabels.on(
                                Labels.forStack(name, NAME_LABEL, "monitoring"),
                                platform.monitoring(),
                                monitoring.labels()))
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .addNewGroup()
                .withName("atonix." + namespace + "." + name)
                .withRules(rules(stack).stream().map(AlertRule::toRule).toList())
                .endGroup()
                .endSpec()
                .build()));
    }

    /** The stack's alerts, before they become the PrometheusRule's rules. */
    public static List<AlertRule> rules(AppStack stack) {
        AlertThresholds thresholds = StackMonitoring.monitoring(stack).thresholdsOrDefault();
        AlertScope scope = new AlertScope(
                stack.getMetadata().getNamespace(), stack.getMetadata().getName(), thresholds);
        List<AlertRule> rules = new ArrayList<>();
        for (ServiceSpec service : stack.getSpec().services()) {
            rules.addAll(serviceRules(scope, service.name()));
        }
        stack.getSpec().jobs().forEach(job -> rules.addAll(JobAlerts.rules(scope.namespace(), scope.stack(), job)));
        if (stack.getSpec().postgres() != null) {
            rules.addAll(DataStoreAlerts.postgresRules(
                    scope, stack.getSpec().postgres().backup()));
        }
        if (stack.getSpec().redis() != null) {
            rules.addAll(DataStoreAlerts.redisRules(scope));
        }
        return rules;
    }

    private static List<AlertRule> serviceRules(AlertScope scope, String service) {
        String deployment = Names.service(scope.stack(), service);
        String selector = scope.selector("deployment", deployment);
        String downFor = scope.thresholds().downForOrDefault();
        String what = "Service " + service + " of stack " + scope.where();
        String pods = "kubectl -n " + scope.namespace() + " get pods -l " + Labels.STACK + "=" + scope.stack() + ","
                + Labels.SERVICE + "=" + service;
        List<AlertRule> rules = new ArrayList<>();
        rules.add(new AlertRule(
                "AtonixServiceDown",
                "kube_deployment_status_replicas_available" + selector + " == 0 and kube_deployment_spec_replicas"
                        + selector + " > 0",
                downFor,
                Severity.critical,
                scope.stack(),
                service,
                what + " is down",
                "No pod of Deployment " + scope.namespace() + "/" + deployment + " has been available for " + downFor
                        + ", so the service answers no requests. Look at its pods (" + pods
                        + "), their events and logs."));
        rules.add(new AlertRule(
                "AtonixServiceReplicasUnavailable",
                "kube_deployment_status_replicas_unavailable" + selector + " > 0",
                downFor,
                Severity.warning,
                scope.stack(),
                service,
                what + " has unavailable replicas",
                "Replicas of Deployment " + scope.namespace() + "/" + deployment + " have been unavailable for "
                        + downFor
                        + ": the service runs with less capacity than it asks for, or a rollout is stuck. Look at its pods ("
                        + pods + ")."));
        rules.addAll(podRules(
                scope,
                service,
                "service " + service + " of stack " + scope.where(),
                PromQl.deploymentPods(deployment)));
        return rules;
    }

    static List<AlertRule> podRules(AlertScope scope, String component, String subject, String podRegex) {
        AlertThresholds thresholds = scope.thresholds();
        String downFor = thresholds.downForOrDefault();
        String window = thresholds.restartWindowOrDefault();
        int restarts = thresholds.restartsOrDefault();
        String container = "Container {{ $labels.container }} of pod " + scope.namespace() + "/{{ $labels.pod }}";
        String logs =
                "kubectl -n " + scope.namespace() + " logs {{ $labels.pod }} -c {{ $labels.container }} --previous";
        return List.of(
                new AlertRule(
                        "AtonixPodCrashLooping",
                        "max by (namespace, pod, container) (kube_pod_container_status_waiting_reason{"
                                + scope.pods(podRegex) + ", reason=\"CrashLoopBackOff\"}) == 1",
                        downFor,
                        Severity.critical,
                        scope.stack(),
                        component,
                        "A pod of " + subject + " is crash-looping",
                        container + " has been in CrashLoopBackOff for " + downFor + ". Its last run says why: "
                                + logs),
                new AlertRule(
                        "AtonixPodRestarting",
                        "increase(kube_pod_container_status_restarts_total{" + scope.pods(podRegex) + "}[" + window
                                + "]) >= " + restarts,
                        null,
                        Severity.warning,
                        scope.stack(),
                        component,
                        "Pods of " + subject + " are restarting",
                        container + " restarted " + restarts + " times or more within " + window
                                + ". Look for an out-of-memory kill or a failing liveness probe (kubectl -n "
                                + scope.namespace()
                                + " describe pod {{ $labels.pod }}) and at the previous run: " + logs));
    }
}
