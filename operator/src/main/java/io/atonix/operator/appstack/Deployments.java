package io.atonix.operator.appstack;

import java.util.List;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** The Deployment that runs one service of a stack. */
public final class Deployments {
    static final int REVISION_HISTORY = 5;

    private Deployments() {
    }

    public static Deployment desired(AppStack stack, ServiceSpec service) {
        var metadata = StackObjects.serviceMetadata(stack, service);
        return StackObjects.finish(new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                // With an autoscaler the replica count is its to set; leaving it out keeps the operator from fighting it.
                .withReplicas(service.autoscale() == null ? service.replicasOrDefault() : null)
                .withRevisionHistoryLimit(REVISION_HISTORY)
                .withNewSelector().withMatchLabels(StackObjects.selector(stack, service)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(metadata.getLabels()).endMetadata()
                .withNewSpec()
                .withServiceAccountName(metadata.getName())
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod())
                .withContainers(container(service))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
    }

    private static Container container(ServiceSpec service) {
        var probes = service.probes();
        var readiness = probes == null || probes.readiness() == null
                ? ContainerParts.defaultReadiness(service.port())
                : ContainerParts.probe(probes.readiness(), service.port());
        return new ContainerBuilder()
                .withName(Names.appContainer())
                .withImage(service.image())
                .withImagePullPolicy(service.imagePullPolicy() == null ? null : service.imagePullPolicy().name())
                .withCommand(nullIfEmpty(service.command()))
                .withArgs(nullIfEmpty(service.args()))
                .withPorts(ContainerParts.ports(service))
                .withEnv(nullIfEmpty(ContainerParts.env(service.env())))
                .withResources(ContainerParts.resources(service.resources()))
                .withReadinessProbe(readiness)
                .withLivenessProbe(probes == null ? null : ContainerParts.probe(probes.liveness(), service.port()))
                .withStartupProbe(probes == null ? null : ContainerParts.probe(probes.startup(), service.port()))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    // The API server drops empty lists; sending one would differ from the stored object forever.
    static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
